package uk.probation.gate.referral.erasedcases;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import uk.probation.gate.platform.outbox.AggregateStore;

/**
 * The case ids resettlement has erased, kept as {@link ErasedCase} markers: a copy of such a case is never created
 * again. Only persistence (mark, ask, forget); the features that react to an erasure use it.
 */
@Service
public class ErasedCaseStore {

    private final AggregateStore store;
    private final MongoTemplate mongo;
    private final Clock clock;

    ErasedCaseStore(AggregateStore store, MongoTemplate mongo, Clock clock) {
        this.store = store;
        this.mongo = mongo;
        this.clock = clock;
    }

    public boolean contains(String caseId) {
        return caseId != null && store.findById(caseId, ErasedCase.class) != null;
    }

    /** Records the case as erased (once; a second mark changes nothing). */
    public void mark(String caseId) {
        if (contains(caseId)) {
            return;
        }
        try {
            store.save(new ErasedCase(caseId, clock.instant()));
        } catch (DuplicateKeyException markedMeanwhile) {
            // another delivery marked it first: the same fact
        }
    }

    /** Deletes the markers recorded before {@code cutoff}; returns how many. */
    public long forgetBefore(Instant cutoff) {
        long deleted = 0;
        for (ErasedCase marker : mongo.find(Query.query(where("erasedAt").lt(Date.from(cutoff))), ErasedCase.class)) {
            if (store.delete(marker)) {
                deleted++;
            }
        }
        return deleted;
    }
}
