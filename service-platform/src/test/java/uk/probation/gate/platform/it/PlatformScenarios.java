package uk.probation.gate.platform.it;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.context.SpringBootTest;
import uk.probation.gate.platform.test.OnEmbeddedInfrastructure;
import uk.probation.gate.platform.test.RunningService;
import uk.probation.gate.platform.test.Tokens;
import uk.probation.gate.platform.test.TopicReader;

/**
 * The platform where it lives: {@link PlatformTestApplication} on the real Kafka broker and the Mongo wire server
 * with the real driver, called over real HTTP and through its topics. Every subclass shares the one context.
 */
@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.application.name=" + PlatformTestApplication.APPLICATION,
                "management.server.port=0",
                "spring.cloud.function.definition=inbound",
                "spring.cloud.stream.bindings.inbound-in-0.destination=" + PlatformTestApplication.INBOUND,
                "spring.cloud.stream.bindings.inbound-in-0.group=" + PlatformTestApplication.APPLICATION,
                "spring.cloud.stream.kafka.bindings.inbound-in-0.consumer.enable-dlq=true",
                "spring.cloud.stream.kafka.bindings.inbound-in-0.consumer.dlq-name=${platform.dead-letters.topic}"})
@OnEmbeddedInfrastructure(database = "platform-it")
abstract class PlatformScenarios extends RunningService {

    /** A caller allowed to make widgets, with a token whose audience is this application. */
    final String maker = Tokens.forAudience(PlatformTestApplication.ROLE, PlatformTestApplication.APPLICATION);

    /** The application's events about {@code key} on the outbound topic. */
    List<TopicReader.Event> published(String key) {
        return topics.topicOrEmpty(PlatformTestApplication.OUTBOUND).stream().filter(e -> key.equals(e.key()))
                .toList();
    }

    /** Waits until the stored aggregate's outbox is empty: everything it had is acknowledged by Kafka. */
    void awaitOutboxEmpty(String collection, String id) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    org.bson.Document stored = mongo.findById(id, org.bson.Document.class, collection);
                    return stored != null && stored.getList("outbox", Object.class, List.of()).isEmpty();
                });
    }

    static Map<String, String> cloudEvent(String id, String type, String subject, String dataschema) {
        return Map.of("ce_id", id, "ce_type", type, "ce_source", "/platform-it-test", "ce_specversion", "1.0",
                "ce_subject", subject, "ce_time", "2026-11-20T09:00:00Z", "ce_dataschema", dataschema,
                "content-type", "application/json");
    }
}
