package uk.probation.gate.platform.failure;

import java.util.List;

/** Well-formed input that breaks a business rule, naming each field at fault. Over HTTP: 422. */
public final class RuleViolated extends DomainFailure {

    public RuleViolated(String detail, List<Violation> violations) {
        super(detail, violations);
    }

    public RuleViolated(String detail, String field, String message) {
        this(detail, List.of(new Violation(field, message)));
    }
}
