package uk.probation.gate.referral.person.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import uk.probation.gate.platform.web.ApiProblem;
import uk.probation.gate.referral.person.People;
import uk.probation.gate.referral.person.Person;

@RestController
class PersonController {

    private final People people;

    PersonController(People people) {
        this.people = people;
    }

    @GetMapping("/api/people/{prisonNumber}")
    PersonView get(@PathVariable String prisonNumber) {
        Person found = people.get(prisonNumber);
        if (found == null) {
            throw ApiProblem.notFound("Person " + prisonNumber);
        }
        return PersonView.of(found);
    }
}
