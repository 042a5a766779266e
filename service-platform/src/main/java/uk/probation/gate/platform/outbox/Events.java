package uk.probation.gate.platform.outbox;

import java.time.Clock;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import uk.probation.gate.contracts.EventType;
import uk.probation.gate.platform.tracing.TraceContext;

/** Turns a payload record into an outbox event: a fresh CloudEvents id, the type's topic and schema, JSON data. */
public class Events {

    private final JsonMapper json;
    private final Clock clock;
    private final TraceContext traces;

    public Events(JsonMapper json, Clock clock) {
        this(json, clock, TraceContext.none());
    }

    public Events(JsonMapper json, Clock clock, TraceContext traces) {
        this.json = json;
        this.clock = clock;
        this.traces = traces;
    }

    /**
     * @param personKey the person's identifier (prison number or CRN): the Kafka key and CloudEvents subject, so
     *                  every event about one person lands on one partition, in order
     */
    public OutboxEvent of(EventType type, String personKey, Object payload) {
        return new OutboxEvent(UUID.randomUUID().toString(), type.type(), type.topic(), personKey, personKey,
                type.dataschema(), clock.instant(), json.writeValueAsString(payload), traces.currentTraceparent());
    }
}
