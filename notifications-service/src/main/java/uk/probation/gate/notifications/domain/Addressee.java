package uk.probation.gate.notifications.domain;

/** Who a rule says should hear of an event; {@code recipientCode} is null when the event names nobody of that kind. */
public record Addressee(String recipientCode, RecipientKind kind, String template) {
}
