package uk.probation.gate.platform.outbox;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.springframework.cloud.function.cloudevent.CloudEventMessageBuilder;
import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.messaging.Message;
import uk.probation.gate.contracts.CloudEventHeaders;
import uk.probation.gate.platform.tracing.TraceContext;

/**
 * CloudEvents 1.0 binary mode: attributes built (and checked) by Spring Cloud Function's builder, written as raw
 * UTF-8 {@code ce_*} headers so non-Spring consumers read them as plain strings; the JSON payload is the value.
 */
public class KafkaEventPublisher implements EventPublisher {

    private final KafkaTemplate<String, byte[]> kafka;
    private final String source;
    private final Duration ackTimeout;

    public KafkaEventPublisher(KafkaTemplate<String, byte[]> kafka, String source, Duration ackTimeout) {
        this.kafka = kafka;
        this.source = source;
        this.ackTimeout = ackTimeout;
    }

    @Override
    public CompletableFuture<?> publish(OutboxEvent event) {
        return kafka.send(record(event)).orTimeout(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    ProducerRecord<String, byte[]> record(OutboxEvent event) {
        byte[] data = event.payload().getBytes(UTF_8);
        Message<byte[]> message = CloudEventMessageBuilder.withData(data)
                .setId(event.eventId())
                .setSource(source)
                .setType(event.type())
                .setSpecVersion(CloudEventHeaders.SPEC_VERSION)
                .setTime(event.time().atOffset(ZoneOffset.UTC))
                .setSubject(event.subject())
                .setDataSchema(event.dataschema())
                .build(CloudEventMessageUtils.KAFKA_ATTR_PREFIX);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(event.topic(), event.key(), data);
        message.getHeaders().forEach((name, value) -> {
            if (name.startsWith(CloudEventHeaders.PREFIX) && value != null) {
                record.headers().add(new RecordHeader(name, String.valueOf(value).getBytes(UTF_8)));
            }
        });
        record.headers().add(new RecordHeader(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON.getBytes(UTF_8)));
        if (event.traceparent() != null) {
            // W3C trace context: the consumer continues the trace of the request that caused the event
            record.headers().add(new RecordHeader(TraceContext.HEADER, event.traceparent().getBytes(UTF_8)));
        }
        return record;
    }
}
