package uk.probation.gate.notifications.deliverylog;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import uk.probation.gate.notifications.NotificationsProperties;
import uk.probation.gate.notifications.domain.Addressee;
import uk.probation.gate.notifications.domain.DeliveryStatus;
import uk.probation.gate.notifications.domain.NotificationId;
import uk.probation.gate.notifications.domain.NotificationRules;
import uk.probation.gate.notifications.recipients.Recipient;
import uk.probation.gate.notifications.recipients.RecipientDirectory;
import uk.probation.gate.notifications.templates.TemplateContext;
import uk.probation.gate.notifications.templates.TemplateLibrary;
import uk.probation.gate.platform.audit.AuditTrail;
import uk.probation.gate.platform.tracing.TraceContext;

/**
 * Decides who is told about an event (the rule table), renders the message in their language, and logs it once per
 * (event, recipient), queued for its channel: at once, or when the recipient's quiet hours end.
 */
@Service
public class DeliveryLog {

    private static final Logger log = LoggerFactory.getLogger(DeliveryLog.class);
    private final TraceContext traces;
    /** The delivery log's collection (audit rows name it). */
    public static final String COLLECTION = "notifications";

    /** An event as the rules see it: what happened, to whom (an identifier), and its data. */
    public record Occurrence(String eventId, String eventType, String subject, JsonNode data) {
    }

    public record Found(List<Notification> items, long total) {
    }

    private final MongoTemplate mongo;
    private final NotificationsProperties properties;
    private final NotificationRules rules;
    private final RecipientDirectory directory;
    private final TemplateLibrary templates;
    private final TemplateContext context;
    private final NotificationMetrics metrics;
    private final Clock clock;
    private final AuditTrail audit;

    DeliveryLog(MongoTemplate mongo, NotificationsProperties properties, RecipientDirectory directory,
            TemplateLibrary templates, TemplateContext context, NotificationMetrics metrics, Clock clock,
            AuditTrail audit, TraceContext traces) {
        this.traces = traces;
        this.mongo = mongo;
        this.properties = properties;
        this.rules = properties.ruleTable();
        this.directory = directory;
        this.templates = templates;
        this.context = context;
        this.metrics = metrics;
        this.clock = clock;
        this.audit = audit;
    }

    /** Logs a notification for everyone the rules name; an event seen before changes nothing. */
    public void tell(Occurrence occurrence) {
        List<Addressee> addressees = rules.addresseesOf(occurrence.eventType(), fields(occurrence.data()));
        if (addressees.isEmpty()) {
            metrics.skipped(occurrence.eventType(), "no_rule");
        }
        for (Addressee addressee : addressees) {
            if (addressee.recipientCode() == null) {
                metrics.skipped(addressee.template(), "no_recipient");
            } else {
                tell(occurrence, addressee);
            }
        }
    }

    private void tell(Occurrence occurrence, Addressee addressee) {
        String id = NotificationId.of(occurrence.eventId(), addressee.recipientCode());
        Notification existing = mongo.findById(id, Notification.class);
        if (existing != null) {
            alreadyDecided(existing);
            return;
        }
        Notification notification = decide(id, occurrence, addressee);
        try {
            mongo.insert(notification);
        } catch (DuplicateKeyException concurrentlyDecided) {
            alreadyDecided(mongo.findById(id, Notification.class));
            return;
        }
        audit.record(COLLECTION, id, "created", setFields(notification));
        log.info("Notification {} {} ({}, {})", notification.logName(), notification.status(),
                notification.template(), notification.language());
        if (notification.status().awaitsDelivery()) {
            queue(notification);
        } else {
            metrics.failed(notification);
        }
        if (!notification.language().equals(notification.requestedLanguage())) {
            metrics.fellBack(notification);
        }
    }

    private Notification decide(String id, Occurrence occurrence, Addressee addressee) {
        Instant now = clock.instant();
        Map<String, List<String>> fields = fields(occurrence.data());
        String caseId = single(fields, "caseId");
        String orderId = single(fields, "orderId");
        String referralId = single(fields, "referralId");
        String prisonNumber = single(fields, "prisonNumber", "personReference.prisonNumber");
        String crn = single(fields, "crn", "personReference.crn");
        Optional<Recipient> recipient = directory.find(addressee.recipientCode());
        String wanted = recipient.map(Recipient::language).orElse(properties.defaultLanguage());
        Optional<TemplateLibrary.Chosen> chosen = templates.choose(addressee.template(), wanted);
        DeliveryStatus status = DeliveryStatus.PENDING;
        Instant dueAt = now;
        Optional<Instant> quietUntil = properties.quietHoursApplyTo().contains(addressee.kind())
                ? recipient.flatMap(Recipient::quietHoursWindow).flatMap(q -> q.endAfter(now, properties.zone()))
                : Optional.<Instant>empty();
        if (quietUntil.isPresent()) {
            status = DeliveryStatus.HELD;
            dueAt = quietUntil.get();
        }
        if (chosen.isEmpty()) {
            return new Notification(id, addressee.recipientCode(), addressee.kind(), properties.defaultChannel(),
                    addressee.template(), wanted, wanted, DeliveryStatus.FAILED, occurrence.eventId(),
                    occurrence.eventType(), occurrence.subject(), null, null, 0,
                    "No template " + addressee.template() + " in " + wanted + " or " + properties.defaultLanguage(),
                    null, null, now, caseId, orderId, referralId, prisonNumber, crn, null);
        }
        TemplateLibrary.Message message = templates.render(chosen.get().template(), context.of(occurrence.eventId(),
                occurrence.eventType(), occurrence.data(), addressee.recipientCode(),
                chosen.get().language().used()));
        return new Notification(id, addressee.recipientCode(), addressee.kind(), properties.defaultChannel(),
                addressee.template(), chosen.get().language().used(), chosen.get().language().requested(), status,
                occurrence.eventId(), occurrence.eventType(), occurrence.subject(), message.subject(),
                message.body(), 0, null, dueAt, null, now, caseId, orderId, referralId, prisonNumber, crn, null);
    }

    /** The first of {@code paths} the event carries as one non-blank value. */
    private static String single(Map<String, List<String>> fields, String... paths) {
        for (String path : paths) {
            List<String> values = fields.get(path);
            if (values != null && values.size() == 1 && !values.get(0).isBlank()) {
                return values.get(0);
            }
        }
        return null;
    }

    /** The names of the fields a new entry has (for its audit row; names only, never values). */
    static List<String> setFields(Notification notification) {
        List<String> names = new ArrayList<>();
        for (java.lang.reflect.RecordComponent component : Notification.class.getRecordComponents()) {
            try {
                if (!component.getName().equals("id") && component.getAccessor().invoke(notification) != null) {
                    names.add(component.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return names;
    }

    /** Counted; and if a crash came between logging and queueing, queued now. */
    private void alreadyDecided(Notification existing) {
        log.debug("Notification {} already decided", existing.logName());
        metrics.deduplicated(existing);
        if (existing.status().awaitsDelivery()) {
            queue(existing);
        }
    }

    /** Queued with the trace it was decided in (the consumed event's), which its delivery continues. */
    private void queue(Notification notification) {
        Update entry = new Update().setOnInsert("dueAt", notification.dueAt())
                .setOnInsert("slot", QueuedDelivery.slotOf(notification.dueAt(), clock.instant()));
        String traceparent = traces.currentTraceparent();
        if (traceparent != null) {
            entry.setOnInsert("traceparent", traceparent);
        }
        mongo.upsert(Query.query(where("_id").is(notification.id())), entry, QueuedDelivery.class);
    }

    /** Newest first; either filter may be null. */
    public Found find(String recipientCode, String eventType, int page, int size) {
        long total = mongo.count(filter(recipientCode, eventType), Notification.class);
        Query pageQuery = filter(recipientCode, eventType).with(PageRequest.of(page, size,
                Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("_id"))));
        return new Found(mongo.find(pageQuery, Notification.class), total);
    }

    /** A flat filter document (no $and): MongoDB answers it from the by_recipient index. */
    private static Query filter(String recipientCode, String eventType) {
        Query query = new Query();
        if (recipientCode != null) {
            query.addCriteria(where("recipientCode").is(recipientCode));
        }
        if (eventType != null) {
            query.addCriteria(where("eventType").is(eventType));
        }
        return query;
    }

    /**
     * The event's fields by path (personReference.crn), as the rules compare them: a scalar with its value, a list of
     * scalars (changedFields) with each element.
     */
    public static Map<String, List<String>> fields(JsonNode data) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        flatten("", data, fields);
        return fields;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, List<String>> fields) {
        if (node.isObject()) {
            node.properties().forEach(e -> flatten(prefix + e.getKey() + ".", e.getValue(), fields));
        } else if (node.isValueNode() && !node.isNull()) {
            fields.put(prefix.substring(0, prefix.length() - 1), List.of(node.asString()));
        } else if (node.isArray()) {
            List<String> values = new ArrayList<>();
            node.forEach(element -> {
                if (element.isValueNode() && !element.isNull()) {
                    values.add(element.asString());
                }
            });
            fields.put(prefix.substring(0, prefix.length() - 1), List.copyOf(values));
        }
    }

}
