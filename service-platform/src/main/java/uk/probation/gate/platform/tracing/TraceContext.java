package uk.probation.gate.platform.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Carries one W3C trace ({@code traceparent}) across the hops Micrometer's instrumentation does not see: from the
 * HTTP request into the outbox document, from the outbox onto the Kafka record, and from the record into the
 * consumer's handling (and whatever that handling saves, queues or sends). Logs written inside carry the trace id
 * ({@code traceId} in the JSON log), so one grep follows a reception from the caseworker to the e-mail.
 */
public class TraceContext {

    public static final String HEADER = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;

    public TraceContext(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** No tracing: nothing is recorded and nothing propagated (tests without an observability set-up). */
    public static TraceContext none() {
        return new TraceContext(Tracer.NOOP, Propagator.NOOP);
    }

    /** The current span as a {@code traceparent} value, or null outside any trace. */
    public String currentTraceparent() {
        Span span = tracer.currentSpan();
        if (span == null || span.isNoop()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, Map::put);
        return carrier.get(HEADER);
    }

    /** The current trace id, or null outside any trace. */
    public String currentTraceId() {
        Span span = tracer.currentSpan();
        return span == null || span.isNoop() ? null : span.context().traceId();
    }

    /**
     * Runs {@code work} in a new span named {@code name}: a child of {@code traceparent} when given (the trace the
     * work was caused by), else the root of a new trace.
     */
    public <T> T inSpan(String name, String traceparent, Supplier<T> work) {
        Span span = traceparent == null || traceparent.isBlank()
                ? tracer.nextSpan().name(name).start()
                : propagator.extract(Map.of(HEADER, traceparent), Map::get).name(name).start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            return work.get();
        } catch (RuntimeException | Error e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    public void inSpan(String name, String traceparent, Runnable work) {
        inSpan(name, traceparent, () -> {
            work.run();
            return null;
        });
    }
}
