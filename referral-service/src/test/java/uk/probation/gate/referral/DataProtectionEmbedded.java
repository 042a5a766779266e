package uk.probation.gate.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import uk.probation.gate.contracts.Topics;
import uk.probation.gate.platform.retention.RetentionPolicy;
import uk.probation.gate.platform.test.OnEmbeddedInfrastructure;
import uk.probation.gate.platform.test.Http;
import uk.probation.gate.platform.test.RunningService;
import uk.probation.gate.platform.test.Tokens;
import uk.probation.gate.platform.test.TopicReader;

/**
 * One application context (embedded broker and Mongo wire server, one database) shared by the data-protection tests:
 * audit coverage, subject access, retention and erasure, endpoint hardening. The routing history is bounded to 3
 * versions here so the policy can be seen trimming it. Journeys go through the topics and the API as in production.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "referral.retention.routing-history-versions=3")
@AutoConfigureMetrics
@OnEmbeddedInfrastructure(database = "referral-data-protection-it")
public abstract class DataProtectionEmbedded extends RunningService {

    protected static final String RECEIVED_V1 = "/schemas/resettlement.prisoner.received/v1.json";
    protected static final String PLAN_V1 = "/schemas/resettlement.plan.completed/v1.json";
    protected static final String ERASED_V1 = "/schemas/resettlement.case.erased/v1.json";

    @Autowired
    protected Clock clock;

    @Autowired
    List<RetentionPolicy> policies;

    protected final String admin = Tokens.forRole("ADMIN");

    protected RetentionPolicy policy(String name) {
        return policies.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    protected LocalDate today() {
        return LocalDate.now(clock);
    }

    /** resettlement.prisoner.received for the person, then waits until the person is kept. */
    protected void receive(String caseId, String prisonNumber, String crn, String prisonCode, LocalDate receivedOn) {
        topics.send(Topics.RESETTLEMENT, prisonNumber, """
                {"caseId":"%s","prisonNumber":"%s","crn":"%s","prisonCode":"%s","receivedOn":"%s","sex":"MALE",
                 "riskOfSeriousHarm":"LOW","responsibleOfficerCode":"N01RO1","expectedReleaseDate":"%s"}
                """.formatted(caseId, prisonNumber, crn, prisonCode, receivedOn, today().plusDays(100)),
                headers(UUID.randomUUID().toString(), "resettlement.prisoner.received", prisonNumber, RECEIVED_V1));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> http.get("/api/people/" + prisonNumber, admin).status(), status -> status == 200);
    }

    /** A completed plan version 1 with these needs SUPPORT_REQUIRED; waits until it made that many referrals. */
    protected List<String> plan(String caseId, String prisonNumber, String prisonCode, String... needs) {
        String needList = java.util.Arrays.stream(needs)
                .map(n -> "{\"pathway\":\"%s\",\"status\":\"SUPPORT_REQUIRED\"}".formatted(n))
                .collect(Collectors.joining(","));
        topics.send(Topics.RESETTLEMENT, prisonNumber, """
                {"caseId":"%s","prisonNumber":"%s","prisonCode":"%s","sex":"MALE","riskOfSeriousHarm":"LOW",
                 "responsibleOfficerCode":"N01RO1","planVersion":1,"completedOn":"%s","completedOnTime":true,
                 "needs":[%s]}
                """.formatted(caseId, prisonNumber, prisonCode, today(), needList),
                headers(UUID.randomUUID().toString(), "resettlement.plan.completed", prisonNumber, PLAN_V1));
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> ids(http.get("/api/referrals?caseId=" + caseId + "&size=50", admin)),
                        found -> found.size() == needs.length);
    }

    /** resettlement.case.erased, as resettlement-service publishes it when a closed case's retention ends. */
    protected void caseErased(String caseId, String prisonNumber, String crn) {
        topics.send(Topics.RESETTLEMENT, prisonNumber, """
                {"caseId":"%s","prisonNumber":"%s","crn":"%s","prisonCode":"NMI","erasedOn":"%s"}
                """.formatted(caseId, prisonNumber, crn, today()),
                headers(UUID.randomUUID().toString(), "resettlement.case.erased", prisonNumber, ERASED_V1));
    }

    /** A caseworker's manual referral at NMI; returns its id. */
    protected String manualReferral(String token, String prisonNumber, String crn, String need,
            Map<String, String> headers) {
        Http.Response created = http.post("/api/referrals", token, manual(prisonNumber, crn, need), headers);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.field("id");
    }

    protected static Map<String, Object> manual(String prisonNumber, String crn, String need) {
        Map<String, Object> person = new LinkedHashMap<>();
        if (prisonNumber != null) {
            person.put("prisonNumber", prisonNumber);
        }
        if (crn != null) {
            person.put("crn", crn);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("personReference", person);
        body.put("need", need);
        body.put("prisonCode", "NMI");
        body.put("sex", "MALE");
        body.put("riskOfSeriousHarm", "LOW");
        body.put("desiredOutcomes", List.of("CV_AND_DISCLOSURE_LETTER"));
        return body;
    }

    /** The provider takes the referral through to closure with an end-of-service report answering every outcome. */
    protected void workToClosure(String id, String providerToken, String outcome) {
        assertThat(http.post("/api/referrals/" + id + "/acceptance", providerToken, Map.of()).status()).isEqualTo(200);
        assertThat(http.post("/api/referrals/" + id + "/start", providerToken, Map.of()).status()).isEqualTo(200);
        assertThat(http.post("/api/referrals/" + id + "/outcome", providerToken, Map.of("outcome", outcome))
                .status()).isEqualTo(200);
        List<Object> achievements = new java.util.ArrayList<>();
        http.get("/api/referrals/" + id, admin).body().get("desiredOutcomes").forEach(d -> achievements.add(
                Map.of("desiredOutcome", d.asString(), "achieved", "ACHIEVED", "note", "Done with the person")));
        Http.Response closed = http.post("/api/referrals/" + id + "/closure", providerToken,
                Map.of("endOfServiceReport", Map.of("achievements", achievements, "summary", "Work found")));
        assertThat(closed.status()).as(closed.body().toString()).isEqualTo(200);
        assertThat(closed.field("status")).isEqualTo("CLOSED");
    }

    /** Waits until the referral's events, all of them, are published (its stored outbox is empty or it is gone). */
    protected void awaitPublished(String referralId) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Document stored = mongo.findById(referralId, Document.class, "referrals");
            return stored == null || stored.getList("outbox", Object.class, List.of()).isEmpty();
        });
    }

    protected static List<String> ids(Http.Response response) {
        assertThat(response.status()).isEqualTo(200);
        List<String> ids = new java.util.ArrayList<>();
        response.body().get("items").forEach(i -> ids.add(i.get("id").asString()));
        return ids;
    }

    protected static Map<String, String> headers(String id, String type, String subject, String dataschema) {
        return Map.of("ce_id", id, "ce_type", type, "ce_source", "/resettlement-service", "ce_specversion", "1.0",
                "ce_subject", subject, "ce_time", "2026-11-20T09:00:00Z", "ce_dataschema", dataschema,
                "content-type", "application/json");
    }

    protected static Predicate<TopicReader.Event> ofType(String type) {
        return e -> type.equals(e.header("ce_type"));
    }
}
