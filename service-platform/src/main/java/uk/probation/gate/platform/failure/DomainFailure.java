package uk.probation.gate.platform.failure;

import java.util.List;

/**
 * A request the core refuses; nothing was changed. Plain Java, so a service's core throws it without knowing about
 * HTTP: the web layer's one exception handler ({@code platform.web.ApiErrors}) turns each kind into the same
 * application/problem+json it has always answered (ADR 0015). The message is the problem's {@code detail}, the
 * violations its {@code errors[{field, message}]}.
 */
public abstract sealed class DomainFailure extends RuntimeException
        permits NotFound, Conflict, RuleViolated, OutsideReach {

    private final List<Violation> violations;

    protected DomainFailure(String detail, List<Violation> violations) {
        super(detail);
        this.violations = List.copyOf(violations);
    }

    public String detail() {
        return getMessage();
    }

    /** The fields at fault, in the order found; empty when the failure names none. */
    public List<Violation> violations() {
        return violations;
    }
}
