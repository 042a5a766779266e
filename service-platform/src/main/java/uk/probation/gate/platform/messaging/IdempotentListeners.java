package uk.probation.gate.platform.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.messaging.Message;
import uk.probation.gate.platform.audit.AuditTrail;
import uk.probation.gate.platform.metrics.Labels;
import uk.probation.gate.platform.tracing.TraceContext;

/**
 * The one way services consume: a thin listener per inbound topic that reads the envelope and calls one handler.
 * Handlers make their effect idempotent by recording the event id in the same single-document update
 * ({@code AggregateDocument.markProcessed}) or by a natural key. A write conflict with a concurrent writer is
 * retried here at once; anything else propagates to the binder (bounded retries with back-off, then the
 * dead-letter topic). {@link PoisonEventException} is not retried (see {@code eventRetry}).
 * A {@code DuplicateKeyException} is treated as a concurrent insert and retried, so a handler whose natural key
 * makes a duplicate insert mean "already done" must catch it itself.
 */
public class IdempotentListeners {

    private static final Logger log = LoggerFactory.getLogger(IdempotentListeners.class);
    private static final int CONFLICT_RETRIES = 5;
    private static final String IGNORED = "ignored";

    private final CloudEventReader reader;
    private final MeterRegistry meters;
    private final TraceContext traces;
    private final java.util.Map<String, Counter> counters = new java.util.concurrent.ConcurrentHashMap<>();

    public IdempotentListeners(CloudEventReader reader, MeterRegistry meters) {
        this(reader, meters, TraceContext.none());
    }

    public IdempotentListeners(CloudEventReader reader, MeterRegistry meters, TraceContext traces) {
        this.reader = reader;
        this.meters = meters;
        this.traces = traces;
    }

    /** A listener for a topic of CloudEvents. */
    public Consumer<Message<byte[]>> cloudEvents(String topic, EventHandlers handlers) {
        return listen(topic, reader::read, event -> {
            Consumer<InboundEvent> handler = handlers.handlerFor(event, reader);
            if (handler == null) {
                return IGNORED;
            }
            handler.accept(event);
            return "handled";
        });
    }

    /** A listener for a topic whose records are not CloudEvents (e.g. HMPPS domain events). */
    public <T> Consumer<Message<byte[]>> listener(String topic, Function<Message<byte[]>, T> read,
            Consumer<T> handle) {
        return listen(topic, read, event -> {
            handle.accept(event);
            return "handled";
        });
    }

    /** {@code handle} answers the result counted: handled, or ignored when no handler wants the event. */
    private <T> Consumer<Message<byte[]>> listen(String topic, Function<Message<byte[]>, T> read,
            Function<T, String> handle) {
        String span = "consume " + topic;
        return message -> traces.inSpan(span, traceparent(message), () -> consume(topic, read, handle, message));
    }

    private <T> void consume(String topic, Function<Message<byte[]>, T> read, Function<T, String> handle,
            Message<byte[]> message) {
        T event;
        try {
            event = read.apply(message);
        } catch (PoisonEventException e) {
            count(topic, "unknown", "poison");
            throw e;
        }
        // audit rows written while handling it name the event as their cause and correlation id
        org.slf4j.MDC.put(AuditTrail.CAUSE, "event " + Labels.eventType(typeOf(event)));
        if (event instanceof InboundEvent inbound && inbound.id() != null) {
            org.slf4j.MDC.put(AuditTrail.CORRELATION_ID, inbound.id());
        }
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    String result = handle.apply(event);
                    count(topic, typeOf(event), result);
                    // one line per handled event, in the trace it continues: identifiers of the event only. An event
                    // no handler wants is counted, and logged at debug: on a shared topic most events are someone
                    // else's, and the line cost a quarter of the consumer's time (ADR 0013, messaging overhead)
                    if (IGNORED.equals(result)) {
                        log.debug("Ignored {} {} from {}", Labels.eventType(typeOf(event)), eventId(event), topic);
                    } else {
                        log.info("Consumed {} {} from {}", Labels.eventType(typeOf(event)), eventId(event), topic);
                    }
                    return;
                } catch (OptimisticLockingFailureException | DuplicateKeyException conflict) {
                    if (attempt >= CONFLICT_RETRIES) {
                        throw conflict;
                    }
                    log.debug("Write conflict consuming from {}, retrying", topic);
                }
            }
        } finally {
            org.slf4j.MDC.remove(AuditTrail.CAUSE);
            org.slf4j.MDC.remove(AuditTrail.CORRELATION_ID);
        }
    }

    /** The W3C trace the event was published in, from the record's {@code traceparent} header. */
    private static String traceparent(Message<byte[]> message) {
        Object value = message.getHeaders().get(TraceContext.HEADER);
        if (value instanceof byte[] bytes) {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }

    private static String eventId(Object event) {
        return event instanceof InboundEvent inbound && inbound.id() != null ? inbound.id() : "-";
    }

    private static String typeOf(Object event) {
        return event instanceof InboundEvent inbound ? inbound.type() : "other";
    }

    private void count(String topic, String type, String result) {
        // one counter per topic, type label (bounded) and result, looked up once: this runs for every event
        String label = Labels.eventType(type);
        counters.computeIfAbsent(topic + '\u0000' + label + '\u0000' + result, key -> Counter.builder("events.consumed")
                .description("Inbound events by topic, type and result").tag("topic", topic).tag("type", label)
                .tag("result", result).register(meters)).increment();
    }
}
