package uk.probation.gate.platform.deadletter;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import uk.probation.gate.platform.test.EmbeddedInfrastructure;
import uk.probation.gate.platform.test.TopicReader;

/** The dead-letter gauge on a real broker: it shows what is still waiting, so it falls after a replay. */
class DeadLettersTest {

    private final String bootstrap = EmbeddedInfrastructure.get().kafkaBootstrapServers();
    private final String origin = "origin-" + UUID.randomUUID();
    private final String dlt = "dlt-" + UUID.randomUUID();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private DefaultKafkaProducerFactory<String, byte[]> producers;
    private KafkaTemplate<String, byte[]> kafka;
    private DeadLetters deadLetters;

    @BeforeEach
    void setUp() {
        producers = new DefaultKafkaProducerFactory<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new ByteArraySerializer());
        kafka = new KafkaTemplate<>(producers);
        deadLetters = new DeadLetters(dlt, "replay-" + dlt,
                Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap), kafka, meters);
    }

    @AfterEach
    void tearDown() {
        producers.destroy();
    }

    @Test
    void theGaugeCountsWhatWaitsAndFallsToZeroAfterAReplay() throws Exception {
        assertThat(deadLetters.refreshCount()).as("no topic yet").isZero();
        for (int i = 0; i < 3; i++) {
            deadLetter("A000" + i + "AA");
        }

        assertThat(deadLetters.refreshCount()).isEqualTo(3);
        assertThat(gauge()).isEqualTo(3);

        assertThat(deadLetters.replay()).isEqualTo(3);

        assertThat(deadLetters.refreshCount()).as("replayed records no longer wait").isZero();
        assertThat(gauge()).isZero();
        assertThat(new TopicReader(bootstrap).await(origin, e -> true, 3)).hasSize(3);

        deadLetter("A0009AA");
        assertThat(deadLetters.refreshCount()).as("a new dead letter after the replay").isEqualTo(1);
        assertThat(deadLetters.replay()).as("only the new one is replayed").isEqualTo(1);
        assertThat(deadLetters.refreshCount()).isZero();
    }

    private void deadLetter(String key) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(dlt, key, "not json".getBytes(UTF_8));
        record.headers().add(DeadLetters.ORIGINAL_TOPIC, origin.getBytes(UTF_8));
        kafka.send(record).get();
    }

    private double gauge() {
        return meters.get("dead.letter.records").tag("topic", dlt).gauge().value();
    }
}
