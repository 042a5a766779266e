package uk.probation.gate.infra.stack.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The benchmark's own consumer on resettlement.events, from the end of the topic when the run starts: when each
 * reception's {@code resettlement.prisoner.received} became readable (the wall-clock time this consumer got it),
 * and its CloudEvents id, which the consumers' audit rows carry as their correlation id.
 */
final class EventWatch implements AutoCloseable {

    static final String TOPIC = "resettlement.events";
    static final String RECEIVED = "resettlement.prisoner.received";

    record Seen(String eventId, long receivedAtMillis, long recordTimestamp) {
    }

    private final Map<String, Seen> byKey = new ConcurrentHashMap<>();
    private final Thread reader;
    private volatile boolean running = true;

    EventWatch(String bootstrap) throws InterruptedException {
        java.util.concurrent.CountDownLatch assigned = new java.util.concurrent.CountDownLatch(1);
        reader = new Thread(() -> read(bootstrap, assigned), "bench-event-watch");
        reader.setDaemon(true);
        reader.start();
        assigned.await();
    }

    Seen seen(String prisonNumber) {
        return byKey.get(prisonNumber);
    }

    private void read(String bootstrap, java.util.concurrent.CountDownLatch assigned) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            assigned.countDown();
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.currentTimeMillis();
                    if (RECEIVED.equals(header(record, "ce_type")) && record.key() != null) {
                        byKey.putIfAbsent(record.key(), new Seen(header(record, "ce_id"), now, record.timestamp()));
                    }
                }
            }
        } finally {
            assigned.countDown();
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        reader.join(5_000);
    }
}
