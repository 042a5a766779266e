package uk.probation.gate.referral.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import uk.probation.gate.contracts.Topics;
import uk.probation.gate.platform.test.Identifiers;
import uk.probation.gate.platform.test.Http;
import uk.probation.gate.platform.test.RunningService;
import uk.probation.gate.platform.test.Tokens;
import uk.probation.gate.platform.test.TopicReader;

/**
 * Receptions from resettlement.events, run against the embedded broker and Mongo wire server here and against
 * real Kafka and MongoDB images where Docker exists: write CloudEvents records to the topic, then read the API
 * and the dead-letter topic.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMetrics
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class PersonScenarios extends RunningService {

    static final String DLT = "referral-service.dlt";
    static final String V1 = "/schemas/resettlement.prisoner.received/v1.json";

    @Autowired
    MeterRegistry meters;

    String viewer = Tokens.forRole("OPS_VIEWER");

    @Test
    void aReceptionOnTheResettlementTopicKeepsThePerson() {
        String prisonNumber = Identifiers.prisonNumber();
        topics.send(Topics.RESETTLEMENT, prisonNumber, received(prisonNumber, "case-1", "N01RO1"),
                headers(UUID.randomUUID().toString(), prisonNumber, V1));

        Http.Response person = awaitPerson(prisonNumber);
        assertThat(person.field("prisonNumber")).isEqualTo(prisonNumber);
        assertThat(person.field("crn")).isEqualTo("X123456");
        assertThat(person.field("prisonCode")).isEqualTo("NMI");
        assertThat(person.field("sex")).isEqualTo("MALE");
        assertThat(person.field("riskOfSeriousHarm")).isEqualTo("HIGH");
        assertThat(person.field("responsibleOfficerCode")).isEqualTo("N01RO1");
        assertThat(person.field("caseId")).isEqualTo("case-1");
        assertThat(person.body().get("receptions").asInt()).isEqualTo(1);
        assertThat(http.get("/api/people/" + prisonNumber, Tokens.forRole("ADMIN")).status()).isEqualTo(200);
    }

    @Test
    void theSameEventDeliveredTwiceIsAppliedOnce() {
        String prisonNumber = Identifiers.prisonNumber();
        Map<String, String> headers = headers(UUID.randomUUID().toString(), prisonNumber, V1);
        String event = received(prisonNumber, "case-1", "N01RO1");
        topics.send(Topics.RESETTLEMENT, prisonNumber, event, headers);
        topics.send(Topics.RESETTLEMENT, prisonNumber, event, headers);
        // a marker on the same key, so the same partition: once it is applied, both copies before it were consumed
        String marker = Identifiers.prisonNumber();
        topics.send(Topics.RESETTLEMENT, prisonNumber, received(marker, "case-m", null),
                headers(UUID.randomUUID().toString(), marker, V1));

        awaitPerson(marker);
        assertThat(http.get("/api/people/" + prisonNumber, viewer).body().get("receptions").asInt()).isEqualTo(1);

        // a second reception is a different event: counted
        topics.send(Topics.RESETTLEMENT, prisonNumber, received(prisonNumber, "case-2", null),
                headers(UUID.randomUUID().toString(), prisonNumber, V1));
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/people/" + prisonNumber, viewer)
                .body().path("receptions").asInt(), receptions -> receptions == 2);
        Http.Response person = http.get("/api/people/" + prisonNumber, viewer);
        assertThat(person.field("caseId")).isEqualTo("case-2");
        assertThat(person.field("responsibleOfficerCode")).isEqualTo("N01RO1");
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicAtOnceAndDoNotBlockThePartition() {
        double unreadableBefore = unreadableRecordsSeen();
        String prisonNumber = Identifiers.prisonNumber();
        topics.send(Topics.RESETTLEMENT, prisonNumber, "not json",
                headers(UUID.randomUUID().toString(), prisonNumber, V1));
        topics.send(Topics.RESETTLEMENT, prisonNumber, received(prisonNumber, "case-1", null),
                headers(UUID.randomUUID().toString(), prisonNumber, "/schemas/resettlement.prisoner.received/v99.json"));
        topics.send(Topics.RESETTLEMENT, prisonNumber, received(prisonNumber, "case-1", null),
                headers(UUID.randomUUID().toString(), prisonNumber, V1));

        assertThat(awaitPerson(prisonNumber).body().get("receptions").asInt()).isEqualTo(1);
        List<TopicReader.Event> deadLetters = topics.await(DLT, onKey(prisonNumber), 2);
        assertThat(deadLetters).hasSize(2).allSatisfy(dead -> {
            assertThat(dead.header("x-original-topic")).isEqualTo(Topics.RESETTLEMENT);
            assertThat(dead.headers()).containsKeys("x-original-partition", "x-original-offset",
                    "x-exception-fqcn", "x-exception-message");
            assertThat(dead.header("ce_type")).isEqualTo("resettlement.prisoner.received");
        });
        assertThat(new String(deadLetters.get(0).value())).isEqualTo("not json");
        assertThat(deadLetters.get(1).header("x-exception-message")).contains("v99");
        assertThat(deadLetters.get(1).header("ce_dataschema")).endsWith("/v99.json");
        // read once, not once per retry: no retry can make it JSON
        assertThat(unreadableRecordsSeen() - unreadableBefore).isEqualTo(1.0);
    }

    @Test
    void anAdminReplaysDeadLettersAndStillBadOnesComeBack() {
        String prisonNumber = Identifiers.prisonNumber();
        topics.send(Topics.RESETTLEMENT, prisonNumber, "not json",
                headers(UUID.randomUUID().toString(), prisonNumber, V1));
        topics.send(Topics.RESETTLEMENT, prisonNumber, received(prisonNumber, "case-1", null),
                headers(UUID.randomUUID().toString(), prisonNumber, "/schemas/resettlement.prisoner.received/v99.json"));
        topics.await(DLT, onKey(prisonNumber), 2);
        int deadLettersBefore = topics.all(DLT).size();

        Http.Response refused = http.post("/api/admin/dead-letters/replay", viewer, Map.of());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(http.post("/api/admin/dead-letters/replay", null, Map.of()).status()).isEqualTo(401);

        Http.Response replayed = http.post("/api/admin/dead-letters/replay", Tokens.forRole("ADMIN"), Map.of());
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.field("topic")).isEqualTo(DLT);
        int replayedCount = replayed.body().get("replayed").asInt();
        assertThat(replayedCount).isGreaterThanOrEqualTo(2);

        // still bad, so every replayed record comes back to the dead-letter topic once more
        await().atMost(Duration.ofSeconds(30)).until(() -> topics.all(DLT).size(),
                size -> size >= deadLettersBefore + replayedCount);
        List<TopicReader.Event> deadLetters = topics.await(DLT, onKey(prisonNumber), 4);
        assertThat(deadLetters).hasSize(4);
        assertThat(deadLetters.stream().map(e -> new String(e.value())).filter("not json"::equals)).hasSize(2);
        assertThat(http.get("/api/people/" + prisonNumber, viewer).status()).isEqualTo(404);
    }

    @Test
    void onlyAdminsAndOpsViewersReadPeople() {
        Http.Response unknown = http.get("/api/people/" + Identifiers.prisonNumber(), viewer);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        Http.Response anonymous = http.get("/api/people/A1234BC", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(http.get("/api/people/A1234BC", Tokens.forRole("RESETTLEMENT_CASEWORKER")).status())
                .isEqualTo(403);
        assertThat(http.get("/api/people/A1234BC", Tokens.forProvider("CGL")).status()).isEqualTo(403);
    }

    private double unreadableRecordsSeen() {
        return meters.find("events.consumed").tag("topic", Topics.RESETTLEMENT).tag("result", "poison").counters()
                .stream().mapToDouble(Counter::count).sum();
    }

    private Http.Response awaitPerson(String prisonNumber) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> http.get("/api/people/" + prisonNumber, viewer), r -> r.status() == 200);
    }

    static Predicate<TopicReader.Event> onKey(String key) {
        return e -> key.equals(e.key());
    }

    static Map<String, String> headers(String id, String prisonNumber, String dataschema) {
        return Map.of("ce_id", id, "ce_type", "resettlement.prisoner.received", "ce_source", "/resettlement-service",
                "ce_specversion", "1.0", "ce_subject", prisonNumber, "ce_time", "2026-11-20T09:00:00Z",
                "ce_dataschema", dataschema, "content-type", "application/json");
    }

    static String received(String prisonNumber, String caseId, String responsibleOfficerCode) {
        return """
                {"caseId":"%s","prisonNumber":"%s","crn":"X123456","prisonCode":"NMI","receivedOn":"2026-11-20",
                 "expectedReleaseDate":"2027-08-20","sex":"MALE","riskOfSeriousHarm":"HIGH",%s
                 "screeningDueBy":"2026-11-27","someFutureField":"ignored"}
                """.formatted(caseId, prisonNumber,
                responsibleOfficerCode == null ? "" : "\"responsibleOfficerCode\":\"" + responsibleOfficerCode + "\",");
    }

}
