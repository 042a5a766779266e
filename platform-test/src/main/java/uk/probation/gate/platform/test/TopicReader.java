package uk.probation.gate.platform.test;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a topic from its beginning and writes raw records, with the plain Kafka clients. */
public final class TopicReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final String bootstrapServers;

    public record Event(String key, Map<String, String> headers, byte[] value, int partition, long offset) {
        public String header(String name) {
            return headers.get(name);
        }

        public JsonNode data() {
            return JSON.readTree(value);
        }
    }

    public TopicReader(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Every record on the topic right now. */
    public List<Event> all(String topic) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<Event> events = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Map<String, String> headers = new java.util.LinkedHashMap<>();
                    for (Header header : record.headers()) {
                        headers.put(header.key(), header.value() == null ? null : new String(header.value(), UTF_8));
                    }
                    events.add(new Event(record.key(), headers, record.value(), record.partition(), record.offset()));
                }
            }
            return events;
        }
    }

    /** Waits until the topic holds records matching the predicate, and returns them. */
    public List<Event> await(String topic, Predicate<Event> match, int atLeast) {
        List<List<Event>> found = new ArrayList<>(List.of(List.of()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            found.set(0, topicOrEmpty(topic).stream().filter(match).toList());
            return found.get(0).size() >= atLeast;
        });
        return found.get(0);
    }

    public List<Event> topicOrEmpty(String topic) {
        try {
            return all(topic);
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    public static Predicate<Event> ofType(String type) {
        return e -> type.equals(e.header("ce_type"));
    }

    public void send(String topic, String key, byte[] value, Map<String, String> headers) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, v) -> record.headers().add(name, v.getBytes(UTF_8)));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public void send(String topic, String key, String json, Map<String, String> headers) {
        send(topic, key, json.getBytes(UTF_8), headers);
    }
}
