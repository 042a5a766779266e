package uk.probation.gate.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.probation.gate.platform.it.PlatformTestApplication.Tally;
import uk.probation.gate.platform.test.TopicReader;

/**
 * What a producer and an operator see of a platform listener: an event delivered again (a producer's retry, a
 * replay) changes nothing the second time; an event that can never be read goes to the service's dead-letter
 * topic, once, and the events after it on the same partition are still handled.
 */
class IdempotentConsumingIT extends PlatformScenarios {

    static final String TYPE = PlatformTestApplication.COUNTED.type();
    static final String SCHEMA = PlatformTestApplication.COUNTED.dataschema();

    @Test
    void anEventDeliveredTwiceIsCountedOnce() {
        String key = "tally-" + UUID.randomUUID();
        String first = UUID.randomUUID().toString();
        send(key, first, "{\"n\":1}");
        awaitCounted(key, 1);

        send(key, first, "{\"n\":1}");
        // a later event on the same key (the same partition) is handled only after the redelivered one was
        send(key, UUID.randomUUID().toString(), "{\"n\":2}");
        awaitCounted(key, 2);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> counted(key) == 2);
        assertThat(mongo.findById(key, Tally.class).hasProcessed(first)).isTrue();
    }

    @Test
    void anUnreadableEventGoesToTheDeadLetterTopicAndDoesNotHoldUpTheNext() {
        String key = "poison-" + UUID.randomUUID();
        // no ce_id: not a CloudEvent this service can ever handle, however often it is retried
        topics.send(PlatformTestApplication.INBOUND, key, "{\"n\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.util.Map.of("ce_type", TYPE, "ce_specversion", "1.0", "ce_subject", key,
                        "ce_dataschema", SCHEMA));
        // the data is not JSON
        send(key, UUID.randomUUID().toString(), "not json at all");
        // a schema version this service does not know
        topics.send(PlatformTestApplication.INBOUND, key, "{\"n\":3}",
                cloudEvent(UUID.randomUUID().toString(), TYPE, key, SCHEMA.replace("/v1.json", "/v99.json")));
        String good = UUID.randomUUID().toString();
        send(key, good, "{\"n\":4}");

        awaitCounted(key, 1);
        assertThat(mongo.findById(key, Tally.class).hasProcessed(good)).isTrue();
        List<TopicReader.Event> dead = topics.await(PlatformTestApplication.DLT, e -> key.equals(e.key()), 3);
        assertThat(dead).extracting(e -> new String(e.value(), java.nio.charset.StandardCharsets.UTF_8))
                .containsExactly("{\"n\":1}", "not json at all", "{\"n\":3}");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> topics.all(PlatformTestApplication.DLT).stream().filter(e -> key.equals(e.key()))
                        .count() == 3);
    }

    private void send(String key, String eventId, String data) {
        topics.send(PlatformTestApplication.INBOUND, key, data, cloudEvent(eventId, TYPE, key, SCHEMA));
    }

    private int counted(String key) {
        Tally tally = mongo.findById(key, Tally.class);
        return tally == null ? 0 : tally.counted();
    }

    private void awaitCounted(String key, int count) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> counted(key) >= count);
        assertThat(counted(key)).isEqualTo(count);
    }
}
