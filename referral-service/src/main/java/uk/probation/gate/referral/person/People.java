package uk.probation.gate.referral.person;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import uk.probation.gate.platform.outbox.AggregateStore;

/** Keeps the people referrals are made for, from resettlement's receptions, once per event however often delivered. */
@Service
public class People {

    private static final Logger log = LoggerFactory.getLogger(People.class);

    private final AggregateStore store;
    private final MongoTemplate mongo;

    People(AggregateStore store, MongoTemplate mongo) {
        this.store = store;
        this.mongo = mongo;
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

    /**
     * A case's details completed or corrected ({@code resettlement.case.updated}): the person of that case takes
     * them, once per event. A person whose current case is another (a later reception) is left as it is.
     */
    public boolean caseUpdated(String eventId, CaseDetails details) {
        Person person = store.findById(details.prisonNumber(), Person.class);
        if (person == null) {
            person = new Person(details.prisonNumber());
        }
        if (!person.markProcessed(eventId)) {
            return false;
        }
        if (!person.updated(details)) {
            log.info("Case {} updated, but person {} is now on case {}; person unchanged", details.caseId(),
                    details.prisonNumber(), person.getCaseId());
        }
        store.save(person);
        return true;
    }

    /** The prison numbers of the people last received at one of these prisons. */
    public List<String> prisonNumbersAt(Collection<String> prisonCodes) {
        Query query = Query.query(where("prisonCode").in(prisonCodes));
        query.fields().include("_id");
        return mongo.find(query, Person.class).stream().map(Person::getId).toList();
    }

    public Person get(String prisonNumber) {
        return store.findById(prisonNumber, Person.class);
    }
}
