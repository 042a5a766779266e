package uk.probation.gate.infra.stack.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Raw Kafka against the stack's broker, on a scratch topic of three partitions like the event topics: one
 * idempotent producer ({@code acks=all}, as the services' relays) shared by the run's client threads sending
 * event-sized records keyed by person, then one consumer reading them all back from the beginning.
 */
final class KafkaLimits {

    record Result(double producedPerSecond, double consumedPerSecond, int records) {
    }

    private final String bootstrap;
    private final int clients;
    private final int records;

    KafkaLimits(String bootstrap, int clients, int records) {
        this.bootstrap = bootstrap;
        this.clients = clients;
        this.records = records;
    }

    Result measure() throws Exception {
        String topic = "bench.scratch." + System.currentTimeMillis();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
            try {
                double produced = produce(topic);
                double consumed = consume(topic);
                return new Result(produced, consumed, records);
            } finally {
                admin.deleteTopics(Set.of(topic));
            }
        }
    }

    private double produce(String topic) throws Exception {
        byte[] value = EventPayloads.eventSized();
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.partitionsFor(topic);
            long start = System.nanoTime();
            Thread[] threads = new Thread[clients];
            for (int t = 0; t < clients; t++) {
                int thread = t;
                threads[t] = new Thread(() -> {
                    for (int i = thread; i < records; i += clients) {
                        producer.send(new ProducerRecord<>(topic, "K" + (i % 100_000), value));
                    }
                });
                threads[t].start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            producer.flush();
            return records / ((System.nanoTime() - start) / 1e9);
        }
    }

    private double consume(String topic) throws ExecutionException, InterruptedException {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = List.of(new TopicPartition(topic, 0), new TopicPartition(topic, 1),
                    new TopicPartition(topic, 2));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long start = System.nanoTime();
            int seen = 0;
            long deadline = start + Duration.ofMinutes(2).toNanos();
            while (seen < records && System.nanoTime() < deadline) {
                ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofMillis(200));
                seen += batch.count();
            }
            return seen / ((System.nanoTime() - start) / 1e9);
        }
    }
}
