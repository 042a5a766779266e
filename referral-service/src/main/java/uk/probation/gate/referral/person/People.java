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
import uk.probation.gate.referral.erasedcases.ErasedCaseStore;

/** Keeps the people referrals are made for, from resettlement's receptions, once per event however often delivered. */
@Service
public class People {

    private static final Logger log = LoggerFactory.getLogger(People.class);

    private final AggregateStore store;
    private final MongoTemplate mongo;
    private final ErasedCaseStore erasedCases;

    People(AggregateStore store, MongoTemplate mongo, ErasedCaseStore erasedCases) {
        this.store = store;
        this.mongo = mongo;
        this.erasedCases = erasedCases;
    }

    /**
     * Records the reception and the event id in one save; a duplicate delivery changes nothing. A concurrent
     * writer makes the save fail (version or _id conflict) and the listener runs this again on fresh state.
     */
    public boolean received(String eventId, PrisonerReception reception) {
        Person person = store.findById(reception.prisonNumber(), Person.class);
        if (person == null) {
            if (erasedCases.contains(reception.caseId())) {
                log.info("Reception of case {} arrived after the case was erased; not kept", reception.caseId());
                return false;
            }
            person = new Person(reception.prisonNumber());
        }
        if (!person.markProcessed(eventId)) {
            log.debug("Event {} already applied to the person of case {}", eventId, reception.caseId());
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
            if (erasedCases.contains(details.caseId())) {
                log.info("Update of case {} arrived after the case was erased; not kept", details.caseId());
                return false;
            }
            person = new Person(details.prisonNumber());
        }
        if (!person.markProcessed(eventId)) {
            return false;
        }
        if (!person.updated(details)) {
            log.info("Case {} updated, but its person is now on case {}; person unchanged", details.caseId(),
                    person.getCaseId());
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

    /** Deletes the person whose current case this is (their copy came from it); returns how many went. */
    public long forgetCase(String caseId) {
        long deleted = 0;
        for (Person person : mongo.find(Query.query(where("caseId").is(caseId)), Person.class)) {
            if (store.delete(person)) {
                deleted++;
            }
        }
        return deleted;
    }

    /**
     * The retention sweep's next people, at most {@code limit}, read in the retention_sweep index's order so a read
     * stops there: those it has never looked at (new since its last run, or every one on its first), oldest reception
     * first; else those whose turn has come by {@code today}. Each one it looks at is {@link #lookAgainOn put off}
     * (or deleted), so it leaves these, and a run reads the people whose turn it is, not everyone received before the
     * cutoff (issue 14). {@code passed}: already looked at this run (checked on what is read).
     */
    public List<Person> dueForSweep(java.time.LocalDate today, Collection<String> passed, int limit) {
        // the people passed are left out here, not in the filter: a $nin of thousands of ids is checked against every
        // document read (each one the sweep looks at leaves these anyway, put off or deleted)
        List<Person> neverLooked = mongo.find(Query.query(where("retentionCheckOn").is(null))
                .with(org.springframework.data.domain.Sort.by("lastReceivedOn")).limit(limit), Person.class);
        neverLooked.removeIf(person -> passed.contains(person.getId()));
        if (!neverLooked.isEmpty()) {
            return neverLooked;
        }
        List<Person> due = mongo.find(Query.query(where("retentionCheckOn").lte(today))
                .with(org.springframework.data.domain.Sort.by("retentionCheckOn")).limit(limit), Person.class);
        due.removeIf(person -> passed.contains(person.getId()));
        return due;
    }

    /**
     * The sweep looked at these people: it looks at them again on {@code day}. One update; no version change: the
     * field is the aggregate's, so its own next save keeps it (or, saving an older copy, clears it: they are looked at
     * once more).
     */
    public void lookAgainOn(Collection<String> ids, java.time.LocalDate day) {
        if (!ids.isEmpty()) {
            mongo.updateMulti(Query.query(where("_id").in(ids)),
                    new org.springframework.data.mongodb.core.query.Update().set("retentionCheckOn", day), Person.class);
        }
    }

    /** Deletes the person (retention); true when it was there. */
    public boolean delete(Person person) {
        return store.delete(person);
    }

    /** The people with this prison number or CRN (the subject access request). */
    public List<Person> about(String prisonNumber, String crn) {
        List<org.springframework.data.mongodb.core.query.Criteria> either = new java.util.ArrayList<>();
        if (prisonNumber != null) {
            either.add(where("_id").is(prisonNumber));
        }
        if (crn != null) {
            either.add(where("crn").is(crn));
        }
        return either.isEmpty() ? List.of() : mongo.find(Query.query(
                new org.springframework.data.mongodb.core.query.Criteria().orOperator(either)), Person.class);
    }

    public Person get(String prisonNumber) {
        return store.findById(prisonNumber, Person.class);
    }
}
