package uk.probation.gate.notifications.domain;

/** One notification per (event, recipient), however often the event is delivered: the id is the natural key. */
public final class NotificationId {

    private NotificationId() {
    }

    public static String of(String eventId, String recipientCode) {
        if (eventId == null || eventId.isBlank() || recipientCode == null || recipientCode.isBlank()) {
            throw new IllegalArgumentException("A notification needs an event id and a recipient code");
        }
        return eventId + ":" + recipientCode;
    }
}
