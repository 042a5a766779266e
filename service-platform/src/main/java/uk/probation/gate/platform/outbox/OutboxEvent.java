package uk.probation.gate.platform.outbox;

import java.time.Instant;

/**
 * An event waiting in its aggregate's document to be published: written in the same single-document update
 * as the state change that caused it, removed only after Kafka acknowledged it.
 */
public record OutboxEvent(
        String eventId,
        String type,
        String topic,
        String key,
        String subject,
        String dataschema,
        Instant time,
        String payload,
        /** The W3C trace the change was made in (null outside a trace): the relay puts it on the Kafka record. */
        String traceparent) {

    public OutboxEvent(String eventId, String type, String topic, String key, String subject, String dataschema,
            Instant time, String payload) {
        this(eventId, type, topic, key, subject, dataschema, time, payload, null);
    }
}
