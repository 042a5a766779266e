package uk.probation.gate.referral.dataprotection;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.probation.gate.platform.test.Problems.assertProblem;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.probation.gate.platform.test.Http;
import uk.probation.gate.platform.test.Identifiers;
import uk.probation.gate.platform.test.Tokens;
import uk.probation.gate.referral.DataProtectionEmbedded;

/** What an outsider or a careless client meets: tokens for someone else, huge bodies, actuator, paging, tracing. */
class EndpointHardeningEmbeddedIT extends DataProtectionEmbedded {

    @Test
    void aTokenForAnotherServiceOrForNoServiceIsRefused() {
        assertThat(http.get("/api/routing-rules", Tokens.forAudience("ADMIN", "resettlement-service")).status())
                .isEqualTo(401);
        assertThat(http.get("/api/routing-rules", Tokens.withoutAudience("ADMIN")).status()).isEqualTo(401);
        assertThat(http.get("/api/routing-rules", Tokens.forAudience("ADMIN", "referral-service")).status())
                .isEqualTo(200);
    }

    @Test
    void aBodyOverOneMegabyteIsRefusedWith413AndNothingIsStored() {
        String prisonNumber = Identifiers.prisonNumber();
        Map<String, Object> body = new java.util.LinkedHashMap<>(manual(prisonNumber, null, "FINANCE_AND_ID"));
        body.put("padding", "x".repeat(1_100_000));
        Http.Response refused = http.post("/api/referrals", Tokens.caseworkerAt("hardening-caseworker", "NMI"),
                JsonMapper.builder().build().writeValueAsString(body));
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(http.get("/api/referrals?prisonNumber=" + prisonNumber, admin).body().get("total").asInt())
                .isZero();
    }

    @Test
    void actuatorAnswersOnTheManagementPortOnlyAndShowsHealthDetailsToAdminsOnly() {
        assertThat(http.get("/actuator/prometheus", null).status()).isEqualTo(404);
        assertThat(http.get("/actuator/health", admin).status()).isEqualTo(404);
        assertThat(management.metrics()).contains("application=\"referral-service\"");
        Http.Response anonymous = management.get("/actuator/health", null);
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.field("status")).isEqualTo("UP");
        assertThat(anonymous.body().has("components")).isFalse();
        Http.Response detailed = management.get("/actuator/health", admin);
        assertThat(detailed.status()).isEqualTo(200);
        assertThat(detailed.body().has("components")).isTrue();
    }

    @Test
    void swaggerUiIsOffWithoutTheDevProfileAndTheOpenApiDocumentStays() {
        assertThat(http.get("/swagger-ui.html", null).status()).isIn(401, 404);
        assertThat(http.get("/swagger-ui.html", admin).status()).isIn(401, 404);
        assertThat(http.get("/v3/api-docs", null).status()).isEqualTo(200);
    }

    @Test
    void aPageBeyondTheLimitIsRefusedNamingPage() {
        assertProblem(http.get("/api/referrals?page=10001", admin), 400, "page");
        assertProblem(http.get("/api/routing-rules/changes?page=10001", admin), 400, "page");
    }

    @Test
    void theCorrelationIdIsEchoedAndWrittenOnTheAuditRow() {
        String correlationId = "hardening-" + UUID.randomUUID();
        Http.Response created = http.post("/api/referrals", Tokens.caseworkerAt("hardening-caseworker", "NMI"),
                manual(Identifiers.prisonNumber(), null, "FINANCE_AND_ID"), Map.of("X-Correlation-Id", correlationId));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.headers().firstValue("X-Correlation-Id")).hasValue(correlationId);
        JsonNode row = http.get("/api/audit?entityId=" + created.field("id"), admin).body().get("items").get(0);
        assertThat(row.get("correlationId").asString()).isEqualTo(correlationId);
        assertThat(row.get("actor").asString()).isEqualTo("hardening-caseworker");
        assertThat(row.get("operation").asString()).isEqualTo("POST /api/referrals");
        assertThat(http.get("/api/providers", admin).headers().firstValue("X-Correlation-Id")).isPresent();
    }
}
