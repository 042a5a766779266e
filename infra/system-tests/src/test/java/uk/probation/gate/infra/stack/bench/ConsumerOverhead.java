package uk.probation.gate.infra.stack.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The services' consumer path against a raw consumer on the same records. A backlog of well-formed CloudEvents of
 * a type no handler knows ({@code bench.noop.ignored}: the platform reads the envelope and the JSON data, finds no
 * handler, counts it as ignored, commits) is written to community-payback.events as fast as Kafka takes it;
 * notifications-service's real consumer group (binder, IdempotentListeners, CloudEventReader, tracing span, metric)
 * works through it, timed from the first record written to the group's commit of the last (Kafka's committed
 * offsets, polled every 50 ms). Then a plain KafkaConsumer reads the very same records from the same offsets.
 * Dedupe in this design is part of the effect's own write (processed ids in the aggregate), so a no-op effect has
 * none; this measures everything around it.
 */
final class ConsumerOverhead {

    static final String TOPIC = "community-payback.events";

    record Result(int events, double serviceEventsPerSecond, double rawEventsPerSecond, boolean caughtUp) {
        double overheadPercent() {
            return rawEventsPerSecond <= 0 ? -1 : (1 - serviceEventsPerSecond / rawEventsPerSecond) * 100;
        }
    }

    private final String bootstrap;
    private final ConsumerGroups groups;

    ConsumerOverhead(String bootstrap, ConsumerGroups groups) {
        this.bootstrap = bootstrap;
        this.groups = groups;
    }

    Result measure(int events) throws Exception {
        groups.awaitCaughtUp(TOPIC, 60_000, SystemRun.NOTIFICATIONS_GROUP);
        Map<TopicPartition, Long> from = groups.ends(TOPIC);
        long start = System.nanoTime();
        produce(events);
        boolean caughtUp = groups.awaitCaughtUp(TOPIC, 600_000, SystemRun.NOTIFICATIONS_GROUP);
        double serviceRate = events / ((System.nanoTime() - start) / 1e9);
        Map<TopicPartition, Long> to = groups.ends(TOPIC);
        return new Result(events, serviceRate, rawRate(from, to), caughtUp);
    }

    private void produce(int events) {
        byte[] data = EventPayloads.eventSized();
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            String time = OffsetDateTime.now().toString();
            for (int i = 0; i < events; i++) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, PersonNumbers.crn('Q', i), data);
                header(record, "ce_id", UUID.randomUUID().toString());
                header(record, "ce_type", "bench.noop.ignored");
                header(record, "ce_source", "/benchmarks");
                header(record, "ce_specversion", "1.0");
                header(record, "ce_time", time);
                header(record, "ce_subject", PersonNumbers.crn('Q', i));
                header(record, "content-type", "application/json");
                producer.send(record);
            }
            producer.flush();
        }
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    private double rawRate(Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>(from.keySet());
            consumer.assign(partitions);
            partitions.forEach(p -> consumer.seek(p, from.get(p)));
            long wanted = partitions.stream().mapToLong(p -> to.get(p) - from.get(p)).sum();
            long seen = 0;
            long start = System.nanoTime();
            long deadline = start + Duration.ofMinutes(2).toNanos();
            while (seen < wanted && System.nanoTime() < deadline) {
                seen += consumer.poll(Duration.ofMillis(200)).count();
            }
            return Math.min(seen, wanted) / ((System.nanoTime() - start) / 1e9);
        }
    }
}
