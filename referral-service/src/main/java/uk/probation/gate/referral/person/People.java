package uk.probation.gate.referral.person;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import uk.probation.gate.platform.outbox.AggregateStore;

/** Keeps the people referrals are made for, from resettlement's receptions, once per event however often delivered. */
@Service
public class People {

    private static final Logger log = LoggerFactory.getLogger(People.class);

    private final AggregateStore store;

    People(AggregateStore store) {
        this.store = store;
    }

    /**
     * Records the reception and the event id in one save; a duplicate delivery changes nothing. A concurrent
     * writer makes the save fail (version or _id conflict) and the listener runs this again on fresh state.
     */
    public boolean received(String eventId, PrisonerReception reception) {
        Person person = store.findById(reception.prisonNumber(), Person.class);
        if (person == null) {
            person = new Person(reception.prisonNumber());
        }
        if (!person.markProcessed(eventId)) {
            log.debug("Event {} already applied to person {}", eventId, reception.prisonNumber());
            return false;
        }
        person.received(reception);
        store.save(person);
        return true;
    }

    public Person get(String prisonNumber) {
        return store.findById(prisonNumber, Person.class);
    }
}
