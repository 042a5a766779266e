package uk.probation.gate.notifications.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** The service's clock in tests: stands still until a test moves it, so back-off and quiet hours are deterministic. */
public final class ControllableClock extends Clock {

    private final AtomicReference<Instant> now;

    public ControllableClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    public void advance(Duration by) {
        now.updateAndGet(t -> t.plus(by));
    }

    /** Moves forward to {@code to}; never backwards, so nothing already due becomes not due. */
    public void moveTo(Instant to) {
        now.updateAndGet(t -> to.isAfter(t) ? to : t);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The service works in UTC instants");
    }
}
