package uk.probation.gate.resettlement.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static uk.probation.gate.platform.test.Problems.assertProblem;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;
import uk.probation.gate.contracts.Topics;
import uk.probation.gate.platform.test.Http;
import uk.probation.gate.platform.test.Identifiers;
import uk.probation.gate.platform.test.LogCapture;
import uk.probation.gate.platform.test.Tokens;

/** Tokens for this service only, bounded bodies and pages, actuator on its own port, correlation ids, clean logs. */
abstract class EndpointHardeningScenarios extends ScenarioSupport {

    final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    final String admin = Tokens.forRole("ADMIN");

    @Override
    String[] prisonsUsed() {
        return new String[] {"RNI"};
    }

    @Test
    void onlyTokensNamingThisServiceAreAccepted() {
        Http.Response otherService = http.get("/api/caseload", Tokens.forAudience("ADMIN", "referral-service"));
        assertThat(otherService.status()).isEqualTo(401);
        assertThat(otherService.contentType()).startsWith("application/problem+json");
        assertThat(http.get("/api/caseload", Tokens.withoutAudience("ADMIN")).status()).isEqualTo(401);
        assertThat(http.get("/api/screening-questions/PRE_RELEASE", Tokens.forAudience("ADMIN",
                "resettlement-service")).status()).isEqualTo(200);
    }

    @Test
    void aBodyOverOneMegabyteIs413AndStoresNothing() {
        String prisonNumber = Identifiers.prisonNumber();
        Map<String, Object> reception = new HashMap<>(reception(prisonNumber, "RNI", today.minusDays(1).toString()));
        reception.put("padding", "x".repeat(1_100_000));

        Http.Response tooLarge = http.post("/api/cases", caseworker, reception);

        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.contentType()).startsWith("application/problem+json");
        assertThat(mongo.count(Query.query(Criteria.where("prisonNumber").is(prisonNumber)), ResettlementCase.class))
                .isZero();
    }

    @Test
    void actuatorAnswersOnlyOnTheManagementPortWithHealthDetailsForAdmins() {
        assertThat(http.get("/actuator/prometheus", null).status()).isEqualTo(404);
        assertThat(http.get("/actuator/health", null).status()).isEqualTo(404);
        assertThat(management.metrics()).contains("http_server_requests_seconds");
        Http.Response anonymous = management.get("/actuator/health", null);
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.field("status")).isEqualTo("UP");
        assertThat(anonymous.body().has("components")).isFalse();
        assertThat(management.get("/actuator/health", admin).body().get("components").get("mongo").get("status")
                .asString()).isEqualTo("UP");
        assertThat(http.get("/swagger-ui.html", null).status()).isIn(401, 404);
        assertThat(http.get("/v3/api-docs", null).status()).isEqualTo(200);
    }

    @Test
    void aPageBeyondTenThousandIs400NamingPage() {
        assertProblem(http.get("/api/caseload?page=10001", caseworker), 400, "page");
        assertProblem(http.get("/api/audit?page=10001", admin), 400, "page");
    }

    @Test
    void theCorrelationIdIsEchoedAndWrittenOnTheAuditRow() {
        String correlationId = "corr-" + UUID.randomUUID();
        Http.Response created = http.post("/api/cases", caseworker, reception(Identifiers.prisonNumber(), "RNI",
                today.minusDays(1).toString()), Map.of("X-Correlation-Id", correlationId));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.headers().firstValue("X-Correlation-Id")).contains(correlationId);
        JsonNode rows = http.get("/api/audit?entityId=" + created.field("id"), admin).body().get("items");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("correlationId").asString()).isEqualTo(correlationId);
        assertThat(rows.get(0).get("operation").asString()).isEqualTo("POST /api/cases");
        assertThat(http.get("/api/caseload", caseworker).headers().firstValue("X-Correlation-Id")).isPresent();
    }

    @Test
    void aWholeJourneyLogsNeitherThePrisonNumberNorTheCrn() {
        String prisonNumber = Identifiers.prisonNumber();
        String crn = Identifiers.crn();
        String movedIn = Identifiers.prisonNumber();
        try (LogCapture logs = LogCapture.capture()) {
            Map<String, Object> reception = new HashMap<>(reception(prisonNumber, "RNI",
                    today.minusDays(20).toString()));
            reception.put("crn", crn);
            String caseId = http.post("/api/cases", caseworker, reception).field("id");
            http.put("/api/cases/" + caseId + "/plan", caseworker,
                    CaseLifecycleScenarios.plan(CaseLifecycleScenarios.MEN, "Summary"));
            http.post("/api/cases/" + caseId + "/plan/completion", caseworker, "");
            // refused: another prison's caseworker, a bad body, a reception earlier than the open case
            assertThat(http.get("/api/cases/" + caseId, Tokens.caseworkerAt("elsewhere", "NMI")).status())
                    .isEqualTo(404);
            assertThat(http.post("/api/cases", Tokens.caseworkerAt("elsewhere", "NMI"), reception).status())
                    .isEqualTo(403);
            assertThat(http.post("/api/cases", caseworker, reception(prisonNumber, "RNI",
                    today.minusDays(40).toString())).status()).isEqualTo(409);
            assertThat(http.get("/api/caseload?prisonNumber=" + prisonNumber + "&page=-1", caseworker).status())
                    .isEqualTo(400);
            // HMPPS: a poison record about the person, an earlier reception (ignored), a release
            topics.send(Topics.PRISON_OFFENDER_EVENTS, prisonNumber, hmpps(prisonNumber,
                    "prison-offender-events.prisoner.received", "PAROLE", "RNI", 1), Map.of());
            topics.send(Topics.PRISON_OFFENDER_EVENTS, prisonNumber, admission(prisonNumber, "RNI",
                    today.minusDays(60), null), Map.of());
            topics.send(Topics.PRISON_OFFENDER_EVENTS, prisonNumber, CaseLifecycleScenarios.movement(prisonNumber,
                    "prison-offender-events.prisoner.released", "RELEASED", "RNI"), Map.of());
            topics.send(Topics.PRISON_OFFENDER_EVENTS, movedIn, admission(movedIn, "RNI", today, null), Map.of());
            topics.await(Topics.RESETTLEMENT, CaseLifecycleScenarios.of("resettlement.prisoner.released",
                    prisonNumber), 1);
            topics.await(DLT, e -> prisonNumber.equals(e.key()), 1);
            topics.await(Topics.RESETTLEMENT, about(movedIn), 1);
            assertThat(http.get("/subject-access-request?crn=" + crn, Tokens.forSubjectAccess()).status())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> pendingOutbox(caseId) == 0);

            assertThat(logs.lines()).as("the capture works").isNotEmpty();
            logs.assertNoLineContains(prisonNumber, crn, movedIn);
        }
    }
}
