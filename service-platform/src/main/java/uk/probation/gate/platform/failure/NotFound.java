package uk.probation.gate.platform.failure;

import java.util.List;

/** No such record, or one outside the caller's reach (ADR 0006: the two answer the same). Over HTTP: 404. */
public final class NotFound extends DomainFailure {

    private final String what;

    /** {@code what} names the record, e.g. {@code "Case 42"}; the detail reads "Case 42 was not found". */
    public NotFound(String what) {
        super(what + " was not found", List.of());
        this.what = what;
    }

    public String what() {
        return what;
    }
}
