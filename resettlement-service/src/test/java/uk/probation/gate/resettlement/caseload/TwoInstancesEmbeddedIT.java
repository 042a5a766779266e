package uk.probation.gate.resettlement.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;
import uk.probation.gate.contracts.Topics;
import uk.probation.gate.platform.test.OnEmbeddedInfrastructure;
import uk.probation.gate.platform.test.Http;
import uk.probation.gate.platform.test.Identifiers;
import uk.probation.gate.platform.test.Tokens;
import uk.probation.gate.platform.test.TopicReader;
import uk.probation.gate.resettlement.ResettlementApplication;

/**
 * Two instances of the service on one broker and one store (issue 13, ADR 0012): the second is another application
 * context of the service on its own random ports. Both sweep their outboxes every 100 ms, so without the relay's
 * claims an instance's sweep would often publish what the other is publishing; without the replay lease a
 * dead-letter replay started on both at once would republish every dead letter twice.
 */
@TestPropertySource(properties = "platform.outbox.sweep-interval=PT0.1S")
@OnEmbeddedInfrastructure(database = "resettlement-two-instances-it")
class TwoInstancesEmbeddedIT extends ScenarioSupport {

    private static ConfigurableApplicationContext second;

    Http other;

    @Override
    String[] prisonsUsed() {
        return new String[] {"NMI", "LCI"};
    }

    @BeforeEach
    void startSecondInstance() {
        if (second == null) {
            second = new SpringApplicationBuilder(ResettlementApplication.class).run(anotherInstance(List.of(),
                    "platform.outbox.sweep-interval", "resettlement.metrics-refresh"));
        }
        other = new Http("http://127.0.0.1:" + second.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stopSecondInstance() {
        if (second != null) {
            second.close();
            second = null;
        }
    }

    @Test
    void receptionsSentToBothInstancesArePublishedOnceEachAndLeaveNoOutboxBehind() {
        List<String> prisonNumbers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String prisonNumber = Identifiers.prisonNumber();
            prisonNumbers.add(prisonNumber);
            Http.Response created = (i % 2 == 0 ? http : other).post("/api/cases", caseworker,
                    reception(prisonNumber, i % 4 < 2 ? "NMI" : "LCI", "2026-11-20"));
            assertThat(created.status()).isEqualTo(201);
        }
        for (String prisonNumber : prisonNumbers) {
            topics.await(Topics.RESETTLEMENT, about(prisonNumber), 1);
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                mongo.count(Query.query(Criteria.where("outbox.0").exists(true)), ResettlementCase.class)).isZero());
        // a reception after them, published once it is there: the topic holds everything of theirs by then
        String marker = Identifiers.prisonNumber();
        assertThat(other.post("/api/cases", caseworker, reception(marker, "NMI", "2026-11-20")).status())
                .isEqualTo(201);
        topics.await(Topics.RESETTLEMENT, about(marker), 1);

        Set<String> ours = Set.copyOf(prisonNumbers);
        List<TopicReader.Event> theirs = topics.all(Topics.RESETTLEMENT).stream().filter(e -> ours.contains(e.key()))
                .toList();
        Map<String, Long> byId = theirs.stream().collect(Collectors.groupingBy(e -> e.header("ce_id"),
                Collectors.counting()));
        assertThat(byId.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey))
                .as("events published more than once").isEmpty();
        for (String prisonNumber : prisonNumbers) {
            assertThat(theirs.stream().filter(about(prisonNumber))).as(prisonNumber).hasSize(1);
        }
    }

    @Test
    void aDeadLetterReplayStartedOnBothInstancesAtOnceRepublishesEachDeadLetterOnce() throws Exception {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String key = Identifiers.prisonNumber();
            keys.add(key);
            topics.send(Topics.PRISON_OFFENDER_EVENTS, key, "not json at all " + i, Map.of());
        }
        for (String key : keys) {
            topics.await(DLT, e -> key.equals(e.key()), 1);
        }

        String admin = Tokens.forRole("ADMIN");
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Http.Response>> replays = new ArrayList<>();
        for (Http instance : List.of(http, other)) {
            replays.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return instance.post("/api/admin/dead-letters/replay", admin, Map.of());
            }));
        }
        go.countDown();
        List<Http.Response> answers = new ArrayList<>();
        for (CompletableFuture<Http.Response> replay : replays) {
            answers.add(replay.get());
        }

        // one instance replayed, the other was told another instance is replaying
        assertThat(answers).extracting(Http.Response::status).containsExactlyInAnyOrder(200, 409);
        Http.Response refused = answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
        assertThat(refused.contentType()).startsWith("application/problem+json");
        Http.Response replayed = answers.stream().filter(a -> a.status() == 200).findFirst().orElseThrow();
        assertThat(replayed.body().get("replayed").asInt()).isGreaterThanOrEqualTo(keys.size());
        // each dead letter back on its topic once: the original and one replay
        for (String key : keys) {
            topics.await(Topics.PRISON_OFFENDER_EVENTS, e -> key.equals(e.key()), 2);
        }
        List<TopicReader.Event> inbound = topics.all(Topics.PRISON_OFFENDER_EVENTS);
        for (String key : keys) {
            assertThat(inbound.stream().filter(e -> key.equals(e.key()))).as(key).hasSize(2);
        }
        // and once it has finished, a replay on the other instance runs (the lease was given back)
        Http.Response again = (refused == answers.get(0) ? http : other).post("/api/admin/dead-letters/replay", admin,
                Map.of());
        assertThat(again.status()).isEqualTo(200);
    }
}
