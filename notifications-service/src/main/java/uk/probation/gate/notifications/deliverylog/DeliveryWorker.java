package uk.probation.gate.notifications.deliverylog;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import uk.probation.gate.notifications.NotificationsProperties;
import uk.probation.gate.notifications.domain.DeliveryStatus;
import uk.probation.gate.notifications.domain.RetryPolicy;
import uk.probation.gate.notifications.recipients.Recipient;
import uk.probation.gate.notifications.recipients.RecipientDirectory;
import uk.probation.gate.platform.audit.AuditTrail;
import uk.probation.gate.platform.security.SecurityEvents;
import uk.probation.gate.platform.tracing.TraceContext;

/**
 * Sends what is due from the delivery queue, each notification on its own: a failure is retried with back-off and,
 * after the last attempt, logged as FAILED with the reason; it never holds back the others.
 * <p>
 * Several instances (ADR 0012): every instance polls the one queue, and each entry is claimed before it is sent by
 * one conditional update (its {@code _id} and the {@code dueAt} the poll read, moved on by the claim lease): a
 * single-document write only one instance can match, so an entry is sent by one instance at a time, and its
 * e-mail goes out once. The claim is taken at the moment of the send (not when the batch was read), so it cannot
 * have lapsed before the send begins; the lease (2 min) is far longer than the SMTP time-outs allow a send to take.
 * No job-wide lease: the instances share the queue instead of one of them sending everything.
 * <p>
 * Each delivery runs in the trace the notification was decided in (the consumed event's, kept on the queue entry),
 * so its "sent" log line has the same trace id as the reception that caused it.
 */
@Component
class DeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final MongoTemplate mongo;
    private final RecipientDirectory directory;
    private final EmailChannel email;
    private final NotificationMetrics metrics;
    private final Clock clock;
    private final RetryPolicy retries;
    private final NotificationsProperties.Delivery delivery;
    private final AuditTrail audit;
    private final TraceContext traces;

    DeliveryWorker(MongoTemplate mongo, RecipientDirectory directory, EmailChannel email, NotificationMetrics metrics,
            Clock clock, NotificationsProperties properties, AuditTrail audit, TraceContext traces) {
        this.traces = traces;
        this.audit = audit;
        this.mongo = mongo;
        this.directory = directory;
        this.email = email;
        this.metrics = metrics;
        this.clock = clock;
        this.delivery = properties.delivery();
        this.retries = delivery.retryPolicy();
    }

    @Scheduled(fixedDelayString = "${notifications.delivery.poll-interval:PT1S}", initialDelay = 500)
    void deliverDue() {
        Instant now = clock.instant();
        List<QueuedDelivery> due = mongo.find(Query.query(where("dueAt").lte(now))
                .with(Sort.by("dueAt")).limit(delivery.batchSize()), QueuedDelivery.class);
        // audit rows of a delivery name it as their cause
        MDC.put(AuditTrail.CAUSE, "delivery");
        try {
            for (QueuedDelivery entry : due) {
                try {
                    // claimed when it is its turn: a claim taken when the batch was read could lapse behind a
                    // slow send before it and let another instance send this one too
                    Instant claimedAt = clock.instant();
                    if (claim(entry, claimedAt)) {
                        traces.inSpan("deliver notification", entry.traceparent(),
                                () -> deliver(entry.id(), claimedAt));
                    }
                } catch (RuntimeException e) {
                    // the store failed, not the channel: the claim lapses and the entry is tried again
                    log.warn("Could not process a queued notification (event {}): {}", eventIdOf(entry.id()),
                            e.getClass().getSimpleName());
                }
            }
        } finally {
            MDC.remove(AuditTrail.CAUSE);
        }
    }

    /** The event id part of a notification id (the rest is the recipient's code, which may name a person). */
    static String eventIdOf(String notificationId) {
        int colon = notificationId.lastIndexOf(':');
        return colon < 0 ? "?" : notificationId.substring(0, colon);
    }

    private boolean claim(QueuedDelivery entry, Instant now) {
        return mongo.updateFirst(Query.query(where("_id").is(entry.id()).and("dueAt").is(entry.dueAt())),
                Update.update("dueAt", now.plus(delivery.claimLease())), QueuedDelivery.class)
                .getModifiedCount() == 1;
    }

    /** {@code attemptedAt}: the back-off counts from the attempt, not from when its outcome was written. */
    private void deliver(String id, Instant attemptedAt) {
        Notification notification = mongo.findById(id, Notification.class);
        if (notification == null || !notification.status().awaitsDelivery()) {
            dequeue(id);
            return;
        }
        int attempts = notification.attempts() + 1;
        try {
            Recipient recipient = directory.find(notification.recipientCode())
                    .orElseThrow(() -> new IllegalStateException("Recipient is not in the recipient directory"));
            email.send(recipient.email(), notification.messageSubject(), notification.messageBody());
        } catch (RuntimeException failure) {
            failed(notification, attempts, reason(failure), attemptedAt);
            return;
        }
        Notification sent = update(notification, attempts, DeliveryStatus.SENT, notification.failureReason(),
                new Update().set("sentAt", clock.instant()), "sentAt");
        dequeue(id);
        metrics.sent(sent);
        log.info("Notification {} sent by {} after {} attempt(s)", sent.logName(), sent.channel(), attempts);
    }

    private void failed(Notification notification, int attempts, String reason, Instant attemptedAt) {
        Optional<Duration> backOff = retries.backOffAfter(attempts);
        if (backOff.isPresent()) {
            // the queue first: once the log shows the failed attempt, the next one is already scheduled
            Instant next = attemptedAt.plus(backOff.get());
            mongo.updateFirst(Query.query(where("_id").is(notification.id())), Update.update("dueAt", next),
                    QueuedDelivery.class);
            Notification retrying = update(notification, attempts, DeliveryStatus.PENDING, reason,
                    new Update().set("dueAt", next), "dueAt");
            metrics.retried(retrying);
            log.warn("Notification {} attempt {} failed ({}), retrying after {}", notification.logName(), attempts,
                    reason, backOff.get());
        } else {
            Notification failed = update(notification, attempts, DeliveryStatus.FAILED, reason, new Update());
            dequeue(notification.id());
            metrics.failed(failed);
            log.warn("Notification {} FAILED after {} attempt(s): {}", notification.logName(), attempts, reason);
        }
    }

    private Notification update(Notification n, int attempts, DeliveryStatus status, String reason, Update update,
            String... alsoChanged) {
        mongo.updateFirst(Query.query(where("_id").is(n.id())), update.set("status", status)
                .set("attempts", attempts).set("failureReason", reason), Notification.class);
        List<String> changed = new java.util.ArrayList<>(List.of("status", "attempts"));
        if (!java.util.Objects.equals(reason, n.failureReason())) {
            changed.add("failureReason");
        }
        changed.addAll(List.of(alsoChanged));
        audit.record(DeliveryLog.COLLECTION, n.id(), "updated", changed);
        Notification after = mongo.findById(n.id(), Notification.class);
        // erased meanwhile (its case, order or referral): counted as it stood
        return after != null ? after : n;
    }

    private void dequeue(String id) {
        mongo.remove(Query.query(where("_id").is(id)), QueuedDelivery.class);
    }

    /** The failure without any address or person's identifier in it: contact details stay in the directory. */
    private static String reason(RuntimeException failure) {
        StringBuilder text = new StringBuilder(failure.getClass().getSimpleName());
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null) {
                text.append(": ").append(t.getMessage());
                break;
            }
        }
        String reason = SecurityEvents.mask(text.toString().replaceAll("[^\\s<>@;,]+@[^\\s<>@;,]+", "<address>")
                .replaceAll("\\s+", " "));
        return reason.length() > 300 ? reason.substring(0, 300) : reason;
    }
}
