package uk.probation.gate.notifications.deliverylog.web;

import java.time.Instant;
import uk.probation.gate.notifications.deliverylog.Notification;
import uk.probation.gate.notifications.domain.Channel;
import uk.probation.gate.notifications.domain.DeliveryStatus;

record NotificationView(
        String id,
        String recipientCode,
        Channel channel,
        String template,
        String language,
        DeliveryStatus status,
        String sourceEventId,
        String eventType,
        String subject,
        Instant createdAt) {

    static NotificationView of(Notification n) {
        return new NotificationView(n.id(), n.recipientCode(), n.channel(), n.template(), n.language(), n.status(),
                n.sourceEventId(), n.eventType(), n.subject(), n.createdAt());
    }
}
