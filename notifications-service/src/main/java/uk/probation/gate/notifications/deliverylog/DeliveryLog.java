package uk.probation.gate.notifications.deliverylog;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import uk.probation.gate.notifications.domain.DeliveryStatus;
import uk.probation.gate.notifications.domain.NotificationId;

/** Decides who is told about an event and logs it once per (event, recipient). */
@Service
public class DeliveryLog {

    private static final Logger log = LoggerFactory.getLogger(DeliveryLog.class);

    /** What happened, to whom it happened (an identifier), and who should hear of it (null if nobody is known). */
    public record Occurrence(String eventId, String eventType, String subject, String recipientCode) {
    }

    public record Found(List<Notification> items, long total) {
    }

    private final MongoTemplate mongo;
    private final NotificationsProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;

    DeliveryLog(MongoTemplate mongo, NotificationsProperties properties, Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    /** True if a notification was logged now; false if there is nobody to tell or it was logged before. */
    public boolean tell(Occurrence occurrence) {
        String template = occurrence.eventType();
        if (occurrence.recipientCode() == null) {
            Counter.builder("notifications.skipped").description("Events with nobody to tell")
                    .tag("template", template).tag("reason", "no_recipient").register(meters).increment();
            return false;
        }
        Notification notification = new Notification(
                NotificationId.of(occurrence.eventId(), occurrence.recipientCode()), occurrence.recipientCode(),
                properties.defaultChannel(), template, properties.defaultLanguage(), DeliveryStatus.LOGGED,
                occurrence.eventId(), occurrence.eventType(), occurrence.subject(), clock.instant());
        try {
            mongo.insert(notification);
        } catch (DuplicateKeyException alreadyLogged) {
            log.debug("Notification {} already logged", notification.id());
            return false;
        }
        Counter.builder("notifications.logged").description("Notifications logged for delivery")
                .tag("template", template).tag("channel", notification.channel().name()).register(meters)
                .increment();
        return true;
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
}
