package uk.probation.gate.notifications.deliverylog;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.probation.gate.notifications.domain.Channel;
import uk.probation.gate.notifications.domain.DeliveryStatus;
import uk.probation.gate.notifications.domain.RecipientKind;

/**
 * One entry of the delivery log; its id {@code <eventId>:<recipientCode>} makes a redelivered event a no-op.
 * {@code subject} is the person the event is about (an identifier); the rendered message holds only identifiers,
 * codes and reference data, never contact details (those stay in the recipient directory).
 */
@Document("notifications")
@CompoundIndex(name = "by_recipient", def = "{'recipientCode': 1, 'createdAt': -1}")
public record Notification(
        @Id String id,
        String recipientCode,
        RecipientKind recipientKind,
        Channel channel,
        String template,
        String language,
        String requestedLanguage,
        DeliveryStatus status,
        String sourceEventId,
        String eventType,
        String subject,
        String messageSubject,
        String messageBody,
        int attempts,
        String failureReason,
        Instant dueAt,
        Instant sentAt,
        Instant createdAt) {
}
