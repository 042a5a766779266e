package uk.probation.gate.platform.failure;

import java.util.List;

/**
 * Creating something where the caller does not work (another prison or area), naming the field that places it
 * there. Over HTTP: 403. Reading a record outside reach is a {@link NotFound} instead (ADR 0006).
 */
public final class OutsideReach extends DomainFailure {

    public OutsideReach(String detail, String field, String message) {
        super(detail, List.of(new Violation(field, message)));
    }
}
