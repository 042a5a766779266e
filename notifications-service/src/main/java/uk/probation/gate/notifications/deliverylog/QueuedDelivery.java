package uk.probation.gate.notifications.deliverylog;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A notification waiting for its channel (first try, retry or end of quiet hours), by the notification's id. The queue
 * holds only what is still to be sent; a worker claims an entry by moving {@code dueAt} forward atomically, so two
 * instances never send the same one at once. {@code traceparent} is the W3C trace the notification was decided in
 * (the event's), so its delivery, on whichever instance and however much later, logs the same trace id; null when it
 * was queued outside any trace.
 * <p>
 * {@code slot} is the minute the entry is due in ({@link #slotOf}, never earlier than the minute it was written), so
 * the poll reads only the last few minutes' slots by an index (ADR 0013): an entry due tomorrow morning, or waiting
 * an hour for its next attempt, is not read until its minute comes. The index is on the slot and then {@code dueAt},
 * the order the poll takes entries in, so a poll reads one batch of a backlog, not every entry of the window's slots
 * (a backlog of thousands read on every poll kept the store busy long after the load). It replaces an index on the
 * slot alone, dropped at start where an earlier version made it ({@code platform.mongo.obsolete-indexes}). {@code waitingFor} is the recipient code an entry
 * is parked on when its last attempt found no such recipient in the directory: registering that recipient makes it
 * due at once (found by that index, not by reading the queue); it is cleared whenever the entry is claimed.
 */
@Document("delivery_queue")
@CompoundIndex(name = "slot_due", def = "{'slot': 1, 'dueAt': 1}")
record QueuedDelivery(@Id String id, Instant dueAt, String traceparent, Long slot,
        @Indexed(name = "waitingFor", sparse = true) String waitingFor) {

    /** The epoch minute of {@code at}: the queue's slot for an entry due then. */
    static long slotOf(Instant at) {
        return Math.floorDiv(at.toEpochMilli(), 60_000L);
    }

    /** The slot for an entry due at {@code dueAt}, written at {@code now}: an overdue entry goes in the current one. */
    static long slotOf(Instant dueAt, Instant now) {
        return Math.max(slotOf(dueAt), slotOf(now));
    }
}
