package uk.probation.gate.notifications.deliverylog;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.probation.gate.notifications.domain.Channel;
import uk.probation.gate.notifications.domain.DeliveryStatus;
import uk.probation.gate.notifications.domain.RecipientKind;

/**
 * One entry of the delivery log; its id {@code <eventId>:<recipientCode>} makes a redelivered event a no-op.
 * {@code subject} is the person the event is about (an identifier), {@code prisonNumber} and {@code crn} the person's
 * identifiers the event carried, {@code caseId} / {@code orderId} / {@code referralId} what it was about (so an
 * erased case, order or referral takes its entries with it). The rendered message ({@code messageSubject},
 * {@code messageBody}) holds only identifiers, codes and reference data, never contact details (those stay in the
 * recipient directory); it is removed after {@code notifications.retention.rendered-bodies}
 * ({@code messageRemovedAt}), the entry stays.
 */
@Document("notifications")
@CompoundIndex(name = "by_recipient", def = "{'recipientCode': 1, 'createdAt': -1}")
// the rendered-bodies retention: entries whose message is not removed yet (messageRemovedAt missing), oldest first,
// so a run reads what it removes and not the entries it removed before (ADR 0013 amendment 4)
@CompoundIndex(name = "message_kept", def = "{'messageRemovedAt': 1, 'createdAt': 1}")
public record Notification(
        @Id String id,
        @Indexed(name = "recipientCode") String recipientCode,
        RecipientKind recipientKind,
        Channel channel,
        String template,
        String language,
        String requestedLanguage,
        DeliveryStatus status,
        String sourceEventId,
        String eventType,
        @Indexed(name = "subject") String subject,
        String messageSubject,
        String messageBody,
        int attempts,
        String failureReason,
        Instant dueAt,
        Instant sentAt,
        @Indexed(name = "createdAt") Instant createdAt,
        @Indexed(name = "caseId", sparse = true) String caseId,
        @Indexed(name = "orderId", sparse = true) String orderId,
        @Indexed(name = "referralId", sparse = true) String referralId,
        @Indexed(name = "prisonNumber", sparse = true) String prisonNumber,
        @Indexed(name = "crn", sparse = true) String crn,
        Instant messageRemovedAt) {

    /** Every identifier of a person this entry holds: the event's subject, prison number and CRN, a person recipient. */
    public Set<String> personIdentifiers() {
        Set<String> identifiers = new LinkedHashSet<>();
        for (String identifier : new String[] {subject, prisonNumber, crn,
                recipientKind == RecipientKind.PERSON ? recipientCode : null}) {
            if (identifier != null && !identifier.isBlank()) {
                identifiers.add(identifier);
            }
        }
        return identifiers;
    }

    /**
     * How logs name this entry: the event id and who was told, never a person's identifier (a person recipient's code
     * is a CRN or prison number, so the entry's own id is not logged either), with the case, order or referral id.
     */
    public String logName() {
        StringBuilder name = new StringBuilder("for event ").append(sourceEventId).append(" to ")
                .append(recipientKind == RecipientKind.PERSON || recipientKind == null ? "the person"
                        : recipientKind.name().toLowerCase(java.util.Locale.ROOT) + " " + recipientCode);
        if (caseId != null) {
            name.append(", case ").append(caseId);
        }
        if (orderId != null) {
            name.append(", order ").append(orderId);
        }
        if (referralId != null) {
            name.append(", referral ").append(referralId);
        }
        return name.toString();
    }
}
