package uk.probation.gate.notifications.sar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import uk.probation.gate.contracts.EventType;
import uk.probation.gate.contracts.reference.ReferenceData;
import uk.probation.gate.notifications.NotificationsProperties;
import uk.probation.gate.notifications.deliverylog.NotificationStore;
import uk.probation.gate.notifications.deliverylog.Notification;
import uk.probation.gate.notifications.domain.Channel;
import uk.probation.gate.notifications.domain.DeliveryStatus;
import uk.probation.gate.notifications.domain.RecipientKind;
import uk.probation.gate.notifications.recipients.Recipient;
import uk.probation.gate.notifications.recipients.RecipientDirectory;
import uk.probation.gate.platform.sar.SubjectAccessContent;

/**
 * What this service keeps about a person, for the HMPPS subject access request: the delivery-log entries about them
 * or sent to them ({@code notifications}, with the message text while it is kept), what of those is still queued
 * ({@code delivery_queue}) and their own directory entry ({@code recipients}). Codes are given in words. Dates filter
 * by the entry's logging day, the queue by its entry's, the directory entry by its last change (days in
 * {@code notifications.zone}).
 */
@Component
class NotificationsSubjectAccess implements SubjectAccessContent {

    private final NotificationStore records;
    private final RecipientDirectory directory;
    private final ZoneId zone;

    NotificationsSubjectAccess(NotificationStore records, RecipientDirectory directory,
            NotificationsProperties properties) {
        this.records = records;
        this.directory = directory;
        this.zone = properties.zone();
    }



    @Override
    public Map<String, Object> content(String prn, String crn, LocalDate fromDate, LocalDate toDate) {
        Set<String> identifiers = new LinkedHashSet<>();
        if (prn != null) {
            identifiers.add(prn);
        }
        if (crn != null) {
            identifiers.add(crn);
        }
        Instant from = fromDate == null ? null : fromDate.atStartOfDay(zone).toInstant();
        Instant to = toDate == null ? null : toDate.plusDays(1).atStartOfDay(zone).toInstant();
        Map<String, Object> content = new LinkedHashMap<>();

        List<Notification> notifications = records.naming(identifiers, from, to);
        if (!notifications.isEmpty()) {
            content.put("notifications", notifications.stream().map(NotificationsSubjectAccess::plain).toList());
            Map<String, Notification> byId = new LinkedHashMap<>();
            notifications.forEach(n -> byId.put(n.id(), n));
            List<Map<String, Object>> queued = new ArrayList<>();
            for (NotificationStore.Queued q : records.queued(byId.keySet())) {
                Notification n = byId.get(q.id());
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("notification", about(n));
                entry.put("recipient", recipient(n.recipientKind(), n.recipientCode()));
                entry.put("dueAt", q.dueAt());
                queued.add(entry);
            }
            if (!queued.isEmpty()) {
                content.put("delivery_queue", queued);
            }
        }

        List<Map<String, Object>> own = directory.people(identifiers).stream()
                .filter(r -> within(r.updatedAt(), from, to)).map(NotificationsSubjectAccess::plain).toList();
        if (!own.isEmpty()) {
            content.put("recipients", own);
        }
        return content;
    }

    private static boolean within(Instant at, Instant from, Instant to) {
        return at == null || (from == null || !at.isBefore(from)) && (to == null || at.isBefore(to));
    }

    private static Map<String, Object> plain(Notification n) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("about", about(n));
        entry.put("eventType", n.eventType());
        put(entry, "caseId", n.caseId());
        put(entry, "orderId", n.orderId());
        put(entry, "referralId", n.referralId());
        put(entry, "prisonNumber", n.prisonNumber());
        put(entry, "crn", n.crn());
        put(entry, "subject", n.subject());
        entry.put("recipient", recipient(n.recipientKind(), n.recipientCode()));
        put(entry, "channel", n.channel() == Channel.EMAIL ? "e-mail" : n.channel() == null ? null : n.channel().name());
        put(entry, "language", language(n.language()));
        put(entry, "status", status(n.status()));
        entry.put("attempts", n.attempts());
        put(entry, "failureReason", n.failureReason());
        put(entry, "loggedAt", n.createdAt());
        put(entry, "dueAt", n.dueAt());
        put(entry, "sentAt", n.sentAt());
        if (n.messageRemovedAt() != null) {
            entry.put("message", "the text of the message was deleted at the end of its retention period");
            entry.put("messageRemovedAt", n.messageRemovedAt());
        } else {
            put(entry, "messageSubject", n.messageSubject());
            put(entry, "messageBody", n.messageBody());
        }
        return entry;
    }

    private static Map<String, Object> plain(Recipient r) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("code", r.code());
        entry.put("who", "the person themself, as a recipient of messages");
        put(entry, "email", r.email());
        put(entry, "language", language(r.language()));
        put(entry, "quietHours", r.quietHours());
        put(entry, "updatedAt", r.updatedAt());
        return entry;
    }

    /** What the message was about, in words (the event type's description). */
    private static String about(Notification n) {
        return EventType.fromType(n.eventType()).map(EventType::description).orElse(n.eventType());
    }

    private static String recipient(RecipientKind kind, String code) {
        if (kind == null) {
            return code;
        }
        return switch (kind) {
            case PERSON -> "the person themself";
            case RESPONSIBLE_OFFICER -> "their responsible officer (" + code + ")";
            case PROVIDER -> "the provider " + ReferenceData.provider(code).map(ReferenceData.Provider::name)
                    .orElse(code);
            case VOLUNTEER_SERVICE -> "the volunteer service " + ReferenceData.provider(code)
                    .map(ReferenceData.Provider::name).orElse(code);
        };
    }

    private static String status(DeliveryStatus status) {
        if (status == null) {
            return null;
        }
        return switch (status) {
            case PENDING -> "waiting to be sent";
            case HELD -> "held until the recipient's quiet hours end";
            case SENT -> "sent";
            case FAILED -> "could not be sent";
        };
    }

    private static String language(String code) {
        if (code == null) {
            return null;
        }
        String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.UK);
        return name.isBlank() || name.equals(code) ? code : name;
    }

    private static void put(Map<String, Object> entry, String key, Object value) {
        if (value != null) {
            entry.put(key, value);
        }
    }
}
