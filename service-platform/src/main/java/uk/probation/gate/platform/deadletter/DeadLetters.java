package uk.probation.gate.platform.deadletter;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * This service's dead-letter topic: how many records it holds (a gauge) and a replay that republishes every record
 * not yet replayed to the topic it came from, with its original key, value and CloudEvents headers.
 */
public class DeadLetters implements SmartLifecycle {

    public static final String ORIGINAL_TOPIC = "x-original-topic";
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final String topic;
    private final String replayGroup;
    private final Map<String, Object> clientConfig;
    private final KafkaTemplate<String, byte[]> kafka;
    private final AtomicLong records = new AtomicLong();
    private final Counter replayed;
    private ScheduledExecutorService counter;

    /** Held by the instance replaying, so two instances never replay (and republish) the same records at once. */
    public static final String REPLAY_LEASE = "dead-letter-replay";
    private static final Duration REPLAY_LEASE_TTL = Duration.ofMinutes(5);
    private final uk.probation.gate.platform.lease.JobLease lease;

    public DeadLetters(String topic, String replayGroup, Map<String, Object> clientConfig,
            KafkaTemplate<String, byte[]> kafka, MeterRegistry meters) {
        this(topic, replayGroup, clientConfig, kafka, meters, null);
    }

    public DeadLetters(String topic, String replayGroup, Map<String, Object> clientConfig,
            KafkaTemplate<String, byte[]> kafka, MeterRegistry meters, uk.probation.gate.platform.lease.JobLease lease) {
        this.lease = lease;
        this.topic = topic;
        this.replayGroup = replayGroup;
        this.clientConfig = clientConfig;
        this.kafka = kafka;
        Gauge.builder("dead.letter.records", records, AtomicLong::get)
                .description("Dead letters waiting on this service's dead-letter topic (not yet replayed)").tag("topic", topic).register(meters);
        this.replayed = Counter.builder("dead.letter.replayed").description("Dead letters republished")
                .tag("topic", topic).register(meters);
    }

    public String topic() {
        return topic;
    }

    /** Dead letters waiting, as last counted (the gauge's value). */
    public long waiting() {
        return records.get();
    }

    /**
     * Counts the dead letters still waiting: per partition, the end offset minus where the replay left off (the replay
     * group's committed offset, else the start of the partition); 0 while the topic does not exist. A replayed record
     * stays on the topic (Kafka keeps it) but no longer counts.
     */
    public long refreshCount() {
        try (Admin admin = Admin.create(clientConfig)) {
            List<TopicPartition> partitions = partitions(admin);
            var specEarliest = partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.earliest()));
            var specLatest = partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            var earliest = admin.listOffsets(specEarliest).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            var latest = admin.listOffsets(specLatest).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> replayedTo = admin.listConsumerGroupOffsets(replayGroup)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            long count = partitions.stream().mapToLong(p -> {
                long from = earliest.get(p).offset();
                OffsetAndMetadata replayed = replayedTo.get(p);
                if (replayed != null) {
                    from = Math.max(from, replayed.offset());
                }
                return Math.max(0, latest.get(p).offset() - from);
            }).sum();
            records.set(count);
            return count;
        } catch (Exception e) {
            if (isUnknownTopic(e)) {
                records.set(0);
                return 0;
            }
            log.warn("Could not count dead letters on {}: {}", topic, e.toString());
            return records.get();
        }
    }

    /**
     * Republishes every dead letter not replayed before; returns how many. Throws {@link ReplayRunningElsewhere}
     * while another instance holds the replay lease.
     */
    public synchronized int replay() throws Exception {
        if (lease == null) {
            return replayNow();
        }
        if (!lease.tryAcquire(REPLAY_LEASE, REPLAY_LEASE_TTL)) {
            throw new ReplayRunningElsewhere();
        }
        try {
            return replayNow();
        } finally {
            lease.release(REPLAY_LEASE);
        }
    }

    /** Another instance of this service is replaying the dead letters right now. */
    public static final class ReplayRunningElsewhere extends RuntimeException {
        ReplayRunningElsewhere() {
            super("A dead-letter replay is running on another instance; try again when it has finished");
        }
    }

    private int replayNow() throws Exception {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, replayGroup);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (Admin admin = Admin.create(clientConfig);
                KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                        new ByteArrayDeserializer())) {
            List<TopicPartition> partitions;
            try {
                partitions = partitions(admin);
            } catch (Exception e) {
                if (isUnknownTopic(e)) {
                    return 0;
                }
                throw e;
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions), TIMEOUT);
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata from = committed.get(partition);
                if (from == null) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, from.offset());
                }
            }
            int count = 0;
            while (partitions.stream().anyMatch(p -> consumer.position(p, TIMEOUT) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    kafka.send(toOrigin(record)).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                    consumer.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1)));
                    count++;
                    replayed.increment();
                }
            }
            refreshCount();
            return count;
        }
    }

    private ProducerRecord<String, byte[]> toOrigin(ConsumerRecord<String, byte[]> record) {
        Header origin = record.headers().lastHeader(ORIGINAL_TOPIC);
        if (origin == null) {
            throw new IllegalStateException("Dead letter without " + ORIGINAL_TOPIC + " at offset " + record.offset());
        }
        ProducerRecord<String, byte[]> out = new ProducerRecord<>(new String(origin.value(), UTF_8), record.key(),
                record.value());
        for (Header header : record.headers()) {
            if (!header.key().startsWith("x-")) {
                out.headers().add(header);
            }
        }
        return out;
    }

    private List<TopicPartition> partitions(Admin admin) throws Exception {
        TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).get(topic);
        return description.partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private static boolean isUnknownTopic(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownTopicOrPartitionException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized void start() {
        counter = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "dead-letter-count");
            thread.setDaemon(true);
            return thread;
        });
        counter.scheduleWithFixedDelay(this::refreshCount, 5, 15, TimeUnit.SECONDS);
    }

    @Override
    public synchronized void stop() {
        if (counter != null) {
            counter.shutdownNow();
            counter = null;
        }
    }

    @Override
    public boolean isRunning() {
        return counter != null;
    }
}
