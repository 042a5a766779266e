package uk.probation.gate.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mapping.callback.EntityCallbacks;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.domain.Sort;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import uk.probation.gate.platform.audit.AuditTrail;
import uk.probation.gate.platform.test.EmbeddedInfrastructure;
import uk.probation.gate.platform.test.TopicReader;

/**
 * The relay on a real broker and the Mongo wire server: what a save leaves pending is published and then no longer
 * marked pending, what a crash left behind is published by the sweep, and a sweep with nothing to do reads no
 * collection through (ADR 0013).
 */
class OutboxRelayTest {

    @Document("gadgets")
    static class Gadget extends AggregateDocument {
        String colour;

        Gadget() {
        }

        Gadget(String id) {
            super(id);
        }
    }

    private final String bootstrap = EmbeddedInfrastructure.get().kafkaBootstrapServers();
    private final String topic = "gadgets-" + UUID.randomUUID();
    private final MongoTemplate mongo = new MongoTemplate(MongoClients.create(
            EmbeddedInfrastructure.get().mongoUri("outbox")), "outbox-" + UUID.randomUUID());
    private final DefaultKafkaProducerFactory<String, byte[]> producers = new DefaultKafkaProducerFactory<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(),
            new ByteArraySerializer());
    private final OutboxRelay relay;
    private final AggregateStore store;

    OutboxRelayTest() {
        mongo.setEntityCallbacks(EntityCallbacks.create(new AggregateSnapshots()));
        MongoMappingContext mapping = (MongoMappingContext) mongo.getConverter().getMappingContext();
        mapping.getPersistentEntity(Gadget.class);
        relay = newRelay();
        store = new AggregateStore(mongo, relay, new AuditTrail(mongo, Clock.systemUTC()));
        mongo.indexOps("gadgets").createIndex(new Index().on(OutboxRelay.PENDING, Sort.Direction.ASC).sparse()
                .named("outbox_pending"));
    }

    /** A relay as an instance starting on this database makes it. */
    private OutboxRelay newRelay() {
        MongoMappingContext mapping = (MongoMappingContext) mongo.getConverter().getMappingContext();
        return new OutboxRelay(mongo, mapping, new KafkaEventPublisher(new KafkaTemplate<>(producers), "/test",
                Duration.ofSeconds(10)), new SimpleMeterRegistry(), Clock.systemUTC(), Duration.ofSeconds(1));
    }

    @AfterEach
    void stop() {
        relay.stop();
        producers.destroy();
    }

    @Test
    void aSavedEventIsPublishedAndItsAggregateNoLongerMarkedPending() {
        relay.start();
        Gadget gadget = new Gadget("g-1");
        gadget.colour = "red";
        gadget.registerEvent(event("gadget.made", "g-1"));
        store.save(gadget);

        new TopicReader(bootstrap).await(topic, TopicReader.ofType("gadget.made"), 1);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            org.bson.Document stored = stored("g-1");
            assertThat(stored).doesNotContainKey(OutboxRelay.PENDING);
            assertThat(stored.getList("outbox", Object.class)).isEmpty();
        });
        assertThat(relay.pendingAggregates()).isZero();
    }

    @Test
    void theSweepPublishesWhatACrashLeftAndThenFindsWorkWithoutReadingEveryDocument() {
        for (int i = 0; i < 200; i++) {
            Gadget quiet = new Gadget("quiet-" + i);
            quiet.colour = "grey";
            store.save(quiet);
        }
        Gadget left = new Gadget("g-2");
        left.registerEvent(event("gadget.made", "g-2"));
        store.save(left); // the relay is not running: as if the instance died before publishing
        assertThat(stored("g-2")).containsEntry(OutboxRelay.PENDING, true);
        assertThat(relay.pendingAggregates()).isOne();

        assertThat(relay.sweep()).as("events published by the first sweep").isOne();
        assertThat(new TopicReader(bootstrap).await(topic, TopicReader.ofType("gadget.made"), 1))
                .extracting(TopicReader.Event::key).containsExactly("g-2");
        assertThat(stored("g-2")).doesNotContainKey(OutboxRelay.PENDING);

        // a mark left on an emptied outbox is dropped; after the first sweep nothing reads the whole collection
        mongo.getCollection("gadgets").updateOne(new org.bson.Document("_id", "quiet-3"),
                new org.bson.Document("$set", new org.bson.Document(OutboxRelay.PENDING, true)));
        long scans = collectionScans();
        assertThat(relay.sweep()).isZero();
        assertThat(relay.sweep()).isZero();
        assertThat(stored("quiet-3")).doesNotContainKey(OutboxRelay.PENDING);
        assertThat(collectionScans()).as("collection scans by two sweeps with nothing to publish").isEqualTo(scans);

        // the first sweep's read of every document is recorded for the database: a later start does not repeat it
        Gadget afterRestart = new Gadget("g-3");
        afterRestart.registerEvent(event("gadget.made", "g-3"));
        store.save(afterRestart);
        OutboxRelay restarted = newRelay();
        assertThat(restarted.sweep()).as("events published by a restarted instance's first sweep").isOne();
        assertThat(restarted.sweep()).isZero();
        assertThat(collectionScans()).as("collection scans by a restarted instance's sweeps").isEqualTo(scans);
        assertThat(new TopicReader(bootstrap).await(topic, TopicReader.ofType("gadget.made"), 2))
                .extracting(TopicReader.Event::key).containsExactly("g-2", "g-3");
    }

    private OutboxEvent event(String type, String key) {
        return new OutboxEvent(UUID.randomUUID().toString(), type, topic, key, "subject-" + key,
                "/schemas/gadgets/v1.json", Instant.now(), "{}");
    }

    private org.bson.Document stored(String id) {
        return mongo.getCollection("gadgets").find(new org.bson.Document("_id", id)).first();
    }

    private long collectionScans() {
        return ((Number) mongo.getDb().runCommand(new org.bson.Document("collStats", "gadgets"))
                .get("collectionScans")).longValue();
    }
}
