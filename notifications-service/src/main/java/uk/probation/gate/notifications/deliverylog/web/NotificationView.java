package uk.probation.gate.notifications.deliverylog.web;

import java.time.Instant;
import uk.probation.gate.notifications.deliverylog.Notification;
import uk.probation.gate.notifications.domain.Channel;
import uk.probation.gate.notifications.domain.DeliveryStatus;
import uk.probation.gate.notifications.domain.RecipientKind;

/** A delivery log entry: codes and states, never contact details or the message text. */
record NotificationView(
        String id,
        String recipientCode,
        RecipientKind recipientKind,
        Channel channel,
        String template,
        String language,
        String requestedLanguage,
        DeliveryStatus status,
        int attempts,
        String failureReason,
        String sourceEventId,
        String eventType,
        String subject,
        Instant dueAt,
        Instant sentAt,
        Instant createdAt) {

    static NotificationView of(Notification n) {
        return new NotificationView(n.id(), n.recipientCode(), n.recipientKind(), n.channel(), n.template(),
                n.language(), n.requestedLanguage(), n.status(), n.attempts(), n.failureReason(), n.sourceEventId(),
                n.eventType(), n.subject(), n.dueAt(), n.sentAt(), n.createdAt());
    }
}
