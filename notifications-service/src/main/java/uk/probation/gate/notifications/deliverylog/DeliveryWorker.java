package uk.probation.gate.notifications.deliverylog;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.query.Criteria;
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
 * The poll is keyed (ADR 0013): it reads the entries of the last {@link #LOOKBACK_SLOTS} minutes' slots through the
 * {@code slot, dueAt} index in the order they fall due, one batch at a time, never the whole queue, so entries held
 * for quiet hours or waiting for a later attempt are not read on every tick, nor the rest of a backlog. An attempt that finds no such recipient parks the entry on the recipient's code as well as
 * scheduling its next attempt; registering the recipient releases it at once.
 * <p>
 * Each delivery runs in the trace the notification was decided in (the consumed event's, kept on the queue entry),
 * so its "sent" log line has the same trace id as the reception that caused it.
 */
@Component
class DeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    /** The poll reads the current minute's slot and this many before it. */
    static final int LOOKBACK_SLOTS = 10;
    /** How often the whole queue is swept for entries outside the window (fewer minutes than the window). */
    static final Duration RESWEEP_EVERY = Duration.ofMinutes(5);
    private static final int RESWEEP_BATCH = 500;

    private final MongoTemplate mongo;
    private final RecipientDirectory directory;
    private final EmailChannel email;
    private final NotificationMetrics metrics;
    private final Clock clock;
    private final RetryPolicy retries;
    private final NotificationsProperties.Delivery delivery;
    private final AuditTrail audit;
    private final TraceContext traces;
    /** When the queue was last swept for entries outside the poll's window; null until the first poll. */
    private volatile Instant lastResweep;

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
        resweepIfDue(now);
        // only the slots (minutes) of the last few minutes, by their index: entries due later are not read
        long current = QueuedDelivery.slotOf(now);
        List<Long> slots = new ArrayList<>();
        for (long slot = current - LOOKBACK_SLOTS; slot <= current; slot++) {
            slots.add(slot);
        }
        List<QueuedDelivery> due = mongo.find(Query.query(where("slot").in(slots).and("dueAt").lte(now))
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
        Instant lapses = now.plus(delivery.claimLease());
        return mongo.updateFirst(Query.query(where("_id").is(entry.id()).and("dueAt").is(entry.dueAt())),
                Update.update("dueAt", lapses).set("slot", QueuedDelivery.slotOf(lapses, now)).unset("waitingFor"),
                QueuedDelivery.class).getModifiedCount() == 1;
    }

    /**
     * Entries whose slot has left the poll's window (the service was stopped, or a backlog outlasted the window), and
     * entries queued before slots existed, are put in the current slot. The only read of the whole queue: when the
     * worker starts, and then at most every {@link #RESWEEP_EVERY} (by the service clock, so also after it jumps).
     */
    private void resweepIfDue(Instant now) {
        if (lastResweep != null && !now.isBefore(lastResweep)
                && Duration.between(lastResweep, now).compareTo(RESWEEP_EVERY) < 0) {
            return;
        }
        long current = QueuedDelivery.slotOf(now);
        long oldest = current - LOOKBACK_SLOTS;
        List<QueuedDelivery> stray;
        int moved = 0;
        int movedNow;
        do {
            movedNow = 0;
            stray = mongo.find(Query.query(new Criteria().orOperator(where("slot").lt(oldest),
                    where("slot").exists(false))).limit(RESWEEP_BATCH), QueuedDelivery.class);
            for (QueuedDelivery entry : stray) {
                long slot = entry.dueAt() == null ? current : QueuedDelivery.slotOf(entry.dueAt(), now);
                // conditional on what was read: a claim or a retry written meanwhile has set its own slot
                Criteria same = where("_id").is(entry.id()).and("dueAt").is(entry.dueAt());
                movedNow += (int) mongo.updateFirst(Query.query(entry.slot() == null ? same.and("slot").exists(false)
                        : same.and("slot").is(entry.slot())), Update.update("slot", slot), QueuedDelivery.class)
                        .getModifiedCount();
            }
            moved += movedNow;
        } while (stray.size() == RESWEEP_BATCH && movedNow > 0);
        if (moved > 0) {
            log.info("{} queued notification(s) moved into the current slot", moved);
        }
        lastResweep = now;
    }

    /**
     * A recipient was put in the directory: what is parked on its code (an attempt found no such recipient) is due
     * now, found by the {@code waitingFor} index. An entry being sent meanwhile is not parked (its claim cleared it),
     * so this never makes an entry due that another instance holds.
     */
    @EventListener
    void recipientRegistered(RecipientDirectory.Registered registered) {
        Instant now = clock.instant();
        try {
            long released = mongo.updateMulti(Query.query(where("waitingFor").is(registered.code())),
                    Update.update("dueAt", now).set("slot", QueuedDelivery.slotOf(now)).unset("waitingFor"),
                    QueuedDelivery.class).getModifiedCount();
            if (released > 0) {
                log.info("{} queued notification(s) waiting for a recipient now in the directory are due", released);
            }
        } catch (RuntimeException e) {
            // the recipient is saved; what waits for it is still tried at its next attempt
            log.warn("Could not release notifications waiting for a recipient: {}", e.getClass().getSimpleName());
        }
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
                    .orElseThrow(() -> new RecipientUnknown(notification.recipientCode()));
            email.send(recipient.email(), notification.messageSubject(), notification.messageBody());
        } catch (RuntimeException failure) {
            failed(notification, attempts, reason(failure), attemptedAt, failure instanceof RecipientUnknown);
            return;
        }
        Notification sent = update(notification, attempts, DeliveryStatus.SENT, notification.failureReason(),
                new Update().set("sentAt", clock.instant()), "sentAt");
        dequeue(id);
        metrics.sent(sent);
        log.info("Notification {} sent by {} after {} attempt(s)", sent.logName(), sent.channel(), attempts);
    }

    private void failed(Notification notification, int attempts, String reason, Instant attemptedAt,
            boolean unknownRecipient) {
        Optional<Duration> backOff = retries.backOffAfter(attempts);
        if (backOff.isPresent()) {
            // the queue first: once the log shows the failed attempt, the next one is already scheduled
            Instant next = attemptedAt.plus(backOff.get());
            Update retry = Update.update("dueAt", next).set("slot", QueuedDelivery.slotOf(next, clock.instant()));
            if (unknownRecipient) {
                // parked on the code as well: registering the recipient makes it due at once
                retry.set("waitingFor", notification.recipientCode());
            }
            mongo.updateFirst(Query.query(where("_id").is(notification.id())), retry, QueuedDelivery.class);
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

    /** No entry for the code in the directory (yet): its message is "Recipient is not in the recipient directory". */
    static final class RecipientUnknown extends IllegalStateException {
        RecipientUnknown(String code) {
            super("Recipient is not in the recipient directory");
        }
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
