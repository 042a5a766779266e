package uk.probation.gate.referral.release;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.function.Consumer;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import uk.probation.gate.platform.outbox.AggregateStore;
import uk.probation.gate.platform.paging.Page;
import uk.probation.gate.contracts.reference.Sex;
import uk.probation.gate.referral.erasedcases.ErasedCaseStore;

/**
 * Joins accommodation and ETE referrals with releases, per case. Plans and releases come from resettlement.events,
 * referral steps from referral.events: the two topics interleave in any order, and every change here is a fact that
 * commutes, so the result is the same whichever arrives first.
 */
@Service
public class ReleaseOutcomes {

    /** Who the case is about, from whichever event mentions it. */
    public record CaseOf(String caseId, String prisonNumber, String crn, String prisonCode, Sex sex) {
    }

    private final AggregateStore store;
    private final MongoTemplate mongo;
    private final ErasedCaseStore erasedCases;

    ReleaseOutcomes(AggregateStore store, MongoTemplate mongo, ErasedCaseStore erasedCases) {
        this.store = store;
        this.mongo = mongo;
        this.erasedCases = erasedCases;
    }

    /** Applies one event's change to the case's record, once however often the event is delivered. */
    public boolean apply(String eventId, CaseOf about, Consumer<ReleaseOutcome> change) {
        ReleaseOutcome outcome = store.findById(about.caseId(), ReleaseOutcome.class);
        if (outcome == null) {
            if (erasedCases.contains(about.caseId())) {
                return false;
            }
            outcome = new ReleaseOutcome(about.caseId());
        }
        if (!outcome.markProcessed(eventId)) {
            return false;
        }
        outcome.person(about.prisonNumber(), about.crn(), about.prisonCode(), about.sex());
        change.accept(outcome);
        store.save(outcome);
        return true;
    }

    /** Deletes the case's record (the case was erased); true when it was there. */
    public boolean forget(String caseId) {
        ReleaseOutcome outcome = store.findById(caseId, ReleaseOutcome.class);
        return outcome != null && store.delete(outcome);
    }

    /** The records naming this prison number or CRN (the subject access request). */
    public java.util.List<ReleaseOutcome> about(String prisonNumber, String crn) {
        java.util.List<org.springframework.data.mongodb.core.query.Criteria> either = new java.util.ArrayList<>();
        if (prisonNumber != null) {
            either.add(where("prisonNumber").is(prisonNumber));
        }
        if (crn != null) {
            either.add(where("crn").is(crn));
        }
        return either.isEmpty() ? java.util.List.of() : mongo.find(Query.query(
                new org.springframework.data.mongodb.core.query.Criteria().orOperator(either)), ReleaseOutcome.class);
    }

    public ReleaseOutcome get(String caseId) {
        return store.findById(caseId, ReleaseOutcome.class);
    }

    public Page<ReleaseOutcome> released(String prisonCode, int page, int size) {
        Query query = Query.query(where("release").ne(null));
        if (prisonCode != null) {
            query.addCriteria(where("prisonCode").is(prisonCode));
        }
        long total = mongo.count(query, ReleaseOutcome.class);
        query.with(Sort.by(Sort.Direction.DESC, "release.releasedOn")).skip((long) page * size).limit(size);
        return new Page<>(mongo.find(query, ReleaseOutcome.class), page, size, total);
    }
}
