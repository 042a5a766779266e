package uk.probation.gate.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import uk.probation.gate.platform.it.PlatformTestApplication.Widget;
import uk.probation.gate.platform.lease.JobLease;
import uk.probation.gate.platform.outbox.EventPublisher;
import uk.probation.gate.platform.outbox.OutboxEvent;
import uk.probation.gate.platform.outbox.OutboxRelay;
import uk.probation.gate.platform.test.Http;
import uk.probation.gate.platform.test.TopicReader;

/**
 * What a consumer of a service's topic sees of the outbox: every saved change's event arrives once, as a CloudEvent
 * of the service, and nothing is left waiting in the store; an event saved while no relay ran is published once
 * by the relay of the restarted process, and the old process's notification of it publishes nothing again.
 */
class OutboxPublishingIT extends PlatformScenarios {

    @Autowired
    OutboxRelay relay;
    @Autowired
    MongoMappingContext mappingContext;
    @Autowired
    EventPublisher publisher;
    @Autowired
    JobLease lease;

    @Test
    void aSavedAggregatesEventIsPublishedOnceAsACloudEventAndItsOutboxCleared() {
        Http.Response made = http.post("/api/widgets", maker, Map.of("name", "sprocket"));
        assertThat(made.status()).isEqualTo(201);
        String id = made.field("id");

        List<TopicReader.Event> events = topics.await(PlatformTestApplication.OUTBOUND, e -> id.equals(e.key()), 1);
        TopicReader.Event event = events.get(0);
        assertThat(event.header("ce_type")).isEqualTo(PlatformTestApplication.MADE);
        assertThat(event.header("ce_source")).isEqualTo("/" + PlatformTestApplication.APPLICATION);
        assertThat(event.header("ce_subject")).isEqualTo(id);
        assertThat(event.header("ce_id")).isNotBlank();
        assertThat(event.data().get("name").asString()).isEqualTo("sprocket");

        awaitOutboxEmpty("widgets", id);
        assertThat(mongo.findById(id, org.bson.Document.class, "widgets")).doesNotContainKey(OutboxRelay.PENDING);
        // later sweeps find nothing left to publish: the event is on the topic exactly once
        relay.sweep();
        relay.sweep();
        stillExactlyOnce(id);
    }

    @Test
    void anEventSavedWhileNoRelayRanIsPublishedOnceByTheRestartedProcessAndNotAgain() {
        String id;
        OutboxEvent stored;
        relay.stop();
        try {
            Http.Response made = http.post("/api/widgets", maker, Map.of("name", "gear"));
            assertThat(made.status()).isEqualTo(201);
            id = made.field("id");
            Widget widget = mongo.findById(id, Widget.class);
            assertThat(widget.getOutbox()).hasSize(1);
            stored = widget.getOutbox().get(0);
            assertThat(published(id)).as("published while no relay runs").isEmpty();

            // the process that saved it is gone; the restarted one's relay knows nothing but what is stored
            OutboxRelay restarted = new OutboxRelay(mongo, mappingContext, publisher, new SimpleMeterRegistry(),
                    Clock.systemUTC(), Duration.ofHours(1), lease, Duration.ofSeconds(20));
            assertThat(restarted.sweep()).as("events published by the restarted relay's sweep").isOne();
            assertThat(restarted.sweep()).isZero();
        } finally {
            // the old relay comes back with the save still queued in memory: that finds nothing left to publish
            relay.start();
        }
        awaitOutboxEmpty("widgets", id);
        assertThat(relay.sweep()).isZero();

        List<TopicReader.Event> events = topics.await(PlatformTestApplication.OUTBOUND, e -> id.equals(e.key()), 1);
        assertThat(events).extracting(e -> e.header("ce_id")).containsExactly(stored.eventId());
        stillExactlyOnce(id);
    }

    /** Exactly one event about the aggregate on the topic, and still one a couple of relay polls later. */
    private void stillExactlyOnce(String id) {
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> published(id).size() == 1);
    }
}
