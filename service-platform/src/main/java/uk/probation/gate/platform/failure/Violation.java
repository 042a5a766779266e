package uk.probation.gate.platform.failure;

/** One broken rule: the field at fault (a JSON path such as {@code rules[0].responseDays}) and what is wrong. */
public record Violation(String field, String message) {
}
