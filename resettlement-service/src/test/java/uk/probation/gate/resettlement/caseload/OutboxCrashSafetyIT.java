package uk.probation.gate.resettlement.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import uk.probation.gate.platform.test.Identifiers;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.kafka.core.KafkaTemplate;
import uk.probation.gate.contracts.Topics;
import uk.probation.gate.platform.outbox.EventPublisher;
import uk.probation.gate.platform.outbox.KafkaEventPublisher;
import uk.probation.gate.platform.outbox.OutboxEvent;
import uk.probation.gate.platform.outbox.OutboxRelay;
import uk.probation.gate.platform.test.OnEmbeddedInfrastructure;
import uk.probation.gate.platform.test.RunningService;
import uk.probation.gate.platform.test.Http;
import uk.probation.gate.platform.test.Tokens;
import uk.probation.gate.platform.test.TopicReader;

/**
 * The process dies between the state write and the publish (a publisher that fails), or between Kafka's
 * acknowledgement and the outbox removal: after a relay restart the event is on the topic, and never lost.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "platform.outbox.sweep-interval=PT1H")
@OnEmbeddedInfrastructure(database = "resettlement-crash-it")
class OutboxCrashSafetyIT extends RunningService {

    enum Crash { BEFORE_PUBLISH, AFTER_ACK }

    static volatile Crash crash = Crash.BEFORE_PUBLISH;

    @TestConfiguration
    static class CrashingPublisher {
        @Bean
        @Primary
        EventPublisher crashingPublisher(KafkaTemplate<String, byte[]> kafka) {
            KafkaEventPublisher real = new KafkaEventPublisher(kafka, "/resettlement-service", Duration.ofSeconds(10));
            return event -> {
                IllegalStateException died = new IllegalStateException("process died (" + crash + ")");
                if (crash == Crash.AFTER_ACK) {
                    return real.publish(event).thenApply(acknowledged -> {
                        throw died;
                    });
                }
                return CompletableFuture.failedFuture(died);
            };
        }
    }

    @Autowired
    MongoMappingContext mappingContext;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Test
    void anEventWrittenButNeverPublishedIsPublishedOnceAfterRestart() {
        crash = Crash.BEFORE_PUBLISH;
        String prisonNumber = Identifiers.prisonNumber();
        String caseId = open(prisonNumber);

        List<OutboxEvent> pending = await().atMost(Duration.ofSeconds(10))
                .until(() -> mongo.findById(caseId, ResettlementCase.class).getOutbox(), p -> p.size() == 1);
        assertThat(topics.all(Topics.RESETTLEMENT).stream().filter(ReceptionScenarios.about(prisonNumber))).isEmpty();

        assertThat(restartedRelay().sweep()).isGreaterThanOrEqualTo(1);

        List<TopicReader.Event> published = topics.await(Topics.RESETTLEMENT, ReceptionScenarios.about(prisonNumber), 1);
        assertThat(published).hasSize(1);
        assertThat(published.get(0).header("ce_id")).isEqualTo(pending.get(0).eventId());
        assertThat(mongo.findById(caseId, ResettlementCase.class).getOutbox()).isEmpty();
    }

    @Test
    void anEventPublishedButNotRemovedIsPublishedAgainWithTheSameIdSoConsumersCanDropIt() {
        crash = Crash.AFTER_ACK;
        String prisonNumber = Identifiers.prisonNumber();
        String caseId = open(prisonNumber);
        topics.await(Topics.RESETTLEMENT, ReceptionScenarios.about(prisonNumber), 1);
        assertThat(mongo.findById(caseId, ResettlementCase.class).getOutbox()).hasSize(1);

        restartedRelay().sweep();

        List<TopicReader.Event> published = topics.await(Topics.RESETTLEMENT, ReceptionScenarios.about(prisonNumber), 2);
        assertThat(published).extracting(e -> e.header("ce_id")).containsOnly(published.get(0).header("ce_id"));
        assertThat(mongo.findById(caseId, ResettlementCase.class).getOutbox()).isEmpty();
    }

    private String open(String prisonNumber) {
        Http.Response created = http.post("/api/cases", Tokens.caseworkerAt("caseworker-outbox", "NMI"),
                ReceptionScenarios.reception(prisonNumber, "NMI", "2026-11-20"));
        assertThat(created.status()).isEqualTo(201);
        return created.field("id");
    }

    /** A new relay with a working publisher over the same store: what a restarted process runs. */
    private OutboxRelay restartedRelay() {
        return new OutboxRelay(mongo, mappingContext,
                new KafkaEventPublisher(kafka, "/resettlement-service", Duration.ofSeconds(10)),
                new SimpleMeterRegistry(), Clock.systemUTC(), Duration.ofHours(1));
    }
}
