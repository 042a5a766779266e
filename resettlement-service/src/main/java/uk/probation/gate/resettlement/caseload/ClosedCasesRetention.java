package uk.probation.gate.resettlement.caseload;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import uk.probation.gate.platform.outbox.AggregateStore;
import uk.probation.gate.platform.outbox.Events;
import uk.probation.gate.platform.retention.Retention;
import uk.probation.gate.platform.retention.RetentionPolicy;
import uk.probation.gate.resettlement.domain.CaseStatus;

/**
 * Closed cases are kept {@value #PROPERTY} (default P7Y) from the day they closed, then erased and told (ADR 0010):
 * the case becomes a tombstone — personal fields stripped, status ERASED — in the same save that registers
 * {@code resettlement.case.erased}, so the event cannot be lost; a later pass deletes the tombstones whose event has
 * been published. Open cases are never purged. Each step is safe to run again or to stop half-way.
 */
@Component
public class ClosedCasesRetention implements RetentionPolicy {

    public static final String PROPERTY = "resettlement.retention.closed-cases";
    private static final int BATCH = 200;

    private final AggregateStore store;
    private final MongoTemplate mongo;
    private final Events events;
    private final String period;

    ClosedCasesRetention(AggregateStore store, MongoTemplate mongo, Events events,
            @Value("${" + PROPERTY + ":P7Y}") String period) {
        this.store = store;
        this.mongo = mongo;
        this.events = events;
        this.period = Retention.checked(PROPERTY, period);
    }

    @Override
    public String name() {
        return "closed-cases";
    }

    @Override
    public String description() {
        return "Closed resettlement cases (released, transferred out or superseded) with their plan, screening, "
                + "pre-release review, release and history, from the day the case closed; then erased and "
                + "resettlement.case.erased published";
    }

    @Override
    public String period() {
        return period;
    }

    /** Deletes the tombstones already announced, then erases the closed cases whose period ended; returns those. */
    @Override
    public long purge(Instant now) {
        deleteAnnouncedTombstones();
        LocalDate cutoff = LocalDate.ofInstant(Retention.cutoff(now, period), ZoneOffset.UTC);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<CaseStatus> closed = CaseStore.CLOSED.stream().filter(s -> s != CaseStatus.ERASED).toList();
        Set<String> seen = new HashSet<>();
        long erased = 0;
        while (true) {
            // through closed_on {status, closedOn}: the cases whose period ended, and those without closedOn (closed
            // before it was kept), whose date is worked out from the case and then stored, so each is read once
            // the cases seen are left out here, not by a $nin in the filter, which the store checks against every
            // case it reads (each one erased or given its day leaves the filter anyway)
            Query expired = query(where("status").in(closed).orOperator(
                    where("closedOn").lt(cutoff), where("closedOn").is(null)))
                    .with(Sort.by("_id")).limit(BATCH);
            List<ResettlementCase> batch = mongo.find(expired, ResettlementCase.class);
            batch.removeIf(c -> seen.contains(c.getId()));
            if (batch.isEmpty()) {
                return erased;
            }
            for (ResettlementCase c : batch) {
                seen.add(c.getId());
                LocalDate closedOn = c.closedOn();
                if (c.isOpen() || closedOn == null) {
                    continue;
                }
                if (!closedOn.isBefore(cutoff)) {
                    keepClosedOn(c, closedOn);
                    continue;
                }
                c.erase(today, events);
                try {
                    store.save(c);
                    erased++;
                } catch (OptimisticLockingFailureException changedMeanwhile) {
                    // changed since it was read (a late outcome recorded): looked at again next run
                }
            }
        }
    }

    /**
     * Stores the day a case closed before closedOn was kept (no version change: the case's own next save keeps it, as
     * the field is the aggregate's), so the next runs find it by its date.
     */
    private void keepClosedOn(ResettlementCase c, LocalDate closedOn) {
        mongo.updateFirst(query(where("_id").is(c.getId()).and("closedOn").is(null)),
                new Update().set("closedOn", closedOn), ResettlementCase.class);
    }

    private void deleteAnnouncedTombstones() {
        for (ResettlementCase tombstone : mongo.find(query(where("status").is(CaseStatus.ERASED)),
                ResettlementCase.class)) {
            if (tombstone.getOutbox().isEmpty()) {
                store.delete(tombstone);
            }
        }
    }
}
