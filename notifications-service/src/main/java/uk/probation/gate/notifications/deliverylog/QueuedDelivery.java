package uk.probation.gate.notifications.deliverylog;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A notification waiting for its channel (first try, retry or end of quiet hours), by the notification's id. The queue
 * holds only what is still to be sent, so polling it stays cheap however long the delivery log grows; a worker claims
 * an entry by moving {@code dueAt} forward atomically, so two instances never send the same one at once.
 * {@code traceparent} is the W3C trace the notification was decided in (the event's), so its delivery, on whichever
 * instance and however much later, logs the same trace id; null when it was queued outside any trace.
 */
@Document("delivery_queue")
record QueuedDelivery(@Id String id, Instant dueAt, String traceparent) {
}
