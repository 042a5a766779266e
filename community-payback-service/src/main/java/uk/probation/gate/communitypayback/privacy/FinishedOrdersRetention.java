package uk.probation.gate.communitypayback.privacy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import uk.probation.gate.communitypayback.order.Order;
import uk.probation.gate.communitypayback.order.Orders;
import uk.probation.gate.communitypayback.session.Sessions;
import uk.probation.gate.platform.retention.Retention;
import uk.probation.gate.platform.retention.RetentionPolicy;

/**
 * Finished orders are kept {@code community-payback.retention.finished-orders} (default P7Y) from the day they ended
 * (the completing session's date), then erased. Live orders are never erased, however old.
 * <p>
 * One pass: first the tombstones of earlier passes whose {@code community-payback.order.erased} has been published
 * (outbox empty) are deleted; then every expired order leaves its sessions (bookings and stand-down entries removed,
 * kept only as anonymous headcounts) and becomes a tombstone: personal fields stripped and the erased event
 * registered in the same save. A pass stopped half-way is finished by the next one: the sessions go before the order,
 * so an order that is not yet a tombstone is found again.
 */
@Component
class FinishedOrdersRetention implements RetentionPolicy {

    static final String PROPERTY = "community-payback.retention.finished-orders";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final Orders orders;
    private final Sessions sessions;
    private final String period;

    FinishedOrdersRetention(Orders orders, Sessions sessions,
            @Value("${" + PROPERTY + ":P7Y}") String period) {
        this.orders = orders;
        this.sessions = sessions;
        this.period = Retention.checked(PROPERTY, period);
    }

    @Override
    public String name() {
        return "finished-orders";
    }

    @Override
    public String description() {
        return "Finished (completed) unpaid work orders with their assessment, placement, attendance and bookings, "
                + "from the day the order ended";
    }

    @Override
    public String period() {
        return period;
    }

    /** Returns how many orders were erased by this pass (tombstones deleted are the end of an earlier erasure). */
    @Override
    public long purge(Instant now) {
        orders.deletePublishedTombstones();
        LocalDate endedBefore = LocalDate.ofInstant(Retention.cutoff(now, period), LONDON);
        LocalDate today = LocalDate.ofInstant(now, LONDON);
        long erased = 0;
        for (Order order : orders.finishedBefore(endedBefore)) {
            sessions.forget(order.getId());
            if (orders.erase(order.getId(), today)) {
                erased++;
            }
        }
        return erased;
    }
}
