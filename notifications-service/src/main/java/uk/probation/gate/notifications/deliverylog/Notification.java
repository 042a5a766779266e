package uk.probation.gate.notifications.deliverylog;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.probation.gate.notifications.domain.Channel;
import uk.probation.gate.notifications.domain.DeliveryStatus;

/** One entry of the delivery log; its id {@code <eventId>:<recipientCode>} makes a redelivered event a no-op. */
@Document("notifications")
@CompoundIndex(name = "by_recipient", def = "{'recipientCode': 1, 'createdAt': -1}")
public record Notification(
        @Id String id,
        String recipientCode,
        Channel channel,
        String template,
        String language,
        DeliveryStatus status,
        String sourceEventId,
        String eventType,
        String subject,
        Instant createdAt) {
}
