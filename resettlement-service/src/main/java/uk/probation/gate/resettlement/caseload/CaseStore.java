package uk.probation.gate.resettlement.caseload;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import uk.probation.gate.platform.outbox.AggregateStore;
import uk.probation.gate.platform.security.Caller;
import uk.probation.gate.platform.failure.NotFound;
import uk.probation.gate.resettlement.domain.CaseStatus;

/**
 * Loading, saving and finding cases, for every feature: the persistence of {@link ResettlementCase}. The use cases that
 * change a case live in the application services ({@code Receptions}, {@code Allocations}, {@code Screenings}, ...).
 */
@Component
public class CaseStore {

    private final AggregateStore store;
    private final MongoTemplate mongo;

    CaseStore(AggregateStore store, MongoTemplate mongo) {
        this.store = store;
        this.mongo = mongo;
    }

    /**
     * The case as the current caller may see it: a case at a prison outside a caseworker's {@code prisons} is not
     * found, exactly like an unknown id. Outside a request (HMPPS movements) every case is reached.
     */
    public ResettlementCase get(String caseId) {
        ResettlementCase found = store.findById(caseId, ResettlementCase.class);
        if (found == null || found.isErased() || !Caller.current().reachesPrison(found.getPrisonCode())) {
            throw new NotFound("Case " + caseId);
        }
        return found;
    }

    /** The case with an optimistic-locking check against the version the caller last read (If-Match). */
    public ResettlementCase get(String caseId, Long expectedVersion) {
        return get(caseId, expectedVersion, "the case");
    }

    /**
     * As {@link #get(String, Long)}; {@code what} names what the caller meant to change, for the 409. A retry that
     * resumes an attempt which already changed the case carries the version that attempt read: not a conflict.
     */
    public ResettlementCase get(String caseId, Long expectedVersion, String what) {
        ResettlementCase found = get(caseId);
        if (expectedVersion != null && !expectedVersion.equals(found.getVersion()) && !store.alreadyApplied(found)) {
            throw new CaseChangedMeanwhile(found, what);
        }
        return found;
    }

    /**
     * True when this request resumes an attempt that died after changing the case (ADR 0012): the command answers
     * with the case as it stands.
     */
    public boolean alreadyApplied(ResettlementCase c) {
        return store.alreadyApplied(c);
    }

    /** The person's open case (not released or transferred out), the most recent reception first. */
    public ResettlementCase openCaseOf(String prisonNumber) {
        List<ResettlementCase> cases = mongo.find(query(where("prisonNumber").is(prisonNumber)
                .and("status").nin(CLOSED))
                .with(Sort.by(Sort.Direction.DESC, "receivedOn")), ResettlementCase.class);
        return cases.isEmpty() ? null : cases.get(0);
    }

    /** Every open case of the person, the most recent reception first (one, unless a save was interrupted). */
    public List<ResettlementCase> openCasesOf(String prisonNumber) {
        return mongo.find(query(where("prisonNumber").is(prisonNumber).and("status").nin(CLOSED))
                .with(Sort.by(Sort.Direction.DESC, "receivedOn")), ResettlementCase.class);
    }

    /** The person's most recent case received before {@code before}, open or closed, or null. */
    public ResettlementCase lastCaseBefore(String prisonNumber, java.time.LocalDate before) {
        return mongo.findOne(query(where("prisonNumber").is(prisonNumber).and("receivedOn").lt(before))
                .with(Sort.by(Sort.Direction.DESC, "receivedOn")).limit(1), ResettlementCase.class);
    }

    /** Every terminal status (a tombstone is ERASED): such a case is never the person's open case. */
    public static final List<CaseStatus> CLOSED = java.util.Arrays.stream(CaseStatus.values())
            .filter(CaseStatus::isTerminal).toList();

    public ResettlementCase save(ResettlementCase resettlementCase) {
        return store.save(resettlementCase);
    }

    /**
     * A caller's change: if a colleague saved the case between our read and this save, refuses it with 409 naming
     * who changed it and when (event consumers instead let the write conflict retry).
     */
    public ResettlementCase saveChange(ResettlementCase resettlementCase, String what) {
        try {
            return store.save(resettlementCase);
        } catch (OptimisticLockingFailureException e) {
            ResettlementCase current = store.findById(resettlementCase.getId(), ResettlementCase.class);
            if (current == null) {
                throw e;
            }
            throw new CaseChangedMeanwhile(current, what);
        }
    }
}
