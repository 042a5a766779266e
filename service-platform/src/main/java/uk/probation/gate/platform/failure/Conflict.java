package uk.probation.gate.platform.failure;

import java.util.List;

/** The record's state does not allow this now (closed, already done, changed meanwhile). Over HTTP: 409. */
public final class Conflict extends DomainFailure {

    public Conflict(String detail) {
        super(detail, List.of());
    }

    /** A conflict naming the fields whose current value is in the way, e.g. {@code status}. */
    public Conflict(String detail, List<Violation> violations) {
        super(detail, violations);
    }
}
