package uk.probation.gate.communitypayback.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.probation.gate.platform.test.Problems.assertProblem;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.probation.gate.communitypayback.project.Project;
import uk.probation.gate.platform.test.Http;
import uk.probation.gate.platform.test.Tokens;

/** Tokens for this service only, bounded bodies and pages, actuator on the management port, correlation ids. */
class EndpointHardeningEmbeddedIT extends DataProtectionScenarios {

    @Test
    void aTokenForAnotherServiceOrForNoServiceIsRefused() {
        assertThat(http.get("/api/orders", Tokens.forAudience("PLACEMENT_COORDINATOR", "referral-service")).status())
                .isEqualTo(401);
        assertThat(http.get("/api/orders", Tokens.withoutAudience("PLACEMENT_COORDINATOR")).status()).isEqualTo(401);
        assertThat(http.get("/api/orders", Tokens.forAudience("PLACEMENT_COORDINATOR", "community-payback-service"))
                .status()).isEqualTo(200);
    }

    @Test
    void aBodyOverOneMegabyteIs413AndNothingIsStored() {
        String code = "PRJ-" + area + "-BIG";
        String body = "{\"code\":\"" + code + "\",\"name\":\"" + "x".repeat(1_100_000) + "\",\"areaCode\":\"" + area
                + "\",\"type\":\"GROUP\",\"ete\":false}";

        Http.Response refused = http.post("/api/projects", coordinator, body);

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(mongo.findById(code, Project.class)).isNull();
        assertThat(http.get("/api/projects/" + code, coordinator).status()).isEqualTo(404);
    }

    @Test
    void actuatorAnswersOnlyOnTheManagementPortWithHealthDetailsOnlyForAdmins() {
        assertThat(http.get("/actuator/prometheus", null).status()).isEqualTo(404);
        assertThat(http.get("/actuator/health", null).status()).isEqualTo(404);
        assertThat(management.metrics()).contains("community_payback");

        Http.Response anonymous = management.get("/actuator/health", null);
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.field("status")).isEqualTo("UP");
        assertThat(anonymous.body().has("components")).isFalse();
        Http.Response admin = management.get("/actuator/health", Tokens.forRole("ADMIN"));
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.body().has("components")).isTrue();
    }

    @Test
    void swaggerUiIsOffWithoutTheDevProfileAndTheApiDocumentStays() {
        assertThat(http.get("/swagger-ui.html", null).status()).isIn(401, 404);
        assertThat(http.get("/swagger-ui/index.html", null).status()).isIn(401, 404);
        assertThat(http.get("/v3/api-docs", null).status()).isEqualTo(200);
    }

    @Test
    void aPageBeyondTenThousandIs400NamingPage() {
        assertProblem(http.get("/api/orders?page=10001", coordinator), 400, "page");
        assertProblem(http.get("/api/projects?page=10001", coordinator), 400, "page");
        assertThat(http.get("/api/orders?page=10000", coordinator).status()).isEqualTo(200);
    }

    @Test
    void theCorrelationIdIsEchoedAndWrittenOnTheAuditRow() {
        String correlationId = UUID.randomUUID().toString();
        String code = "PRJ-" + area + "-CID";
        Http.Response created = http.post("/api/projects", coordinator, Map.of("code", code, "name", "Allotments",
                "areaCode", area, "type", "GROUP", "ete", false), Map.of("X-Correlation-Id", correlationId));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.headers().firstValue("X-Correlation-Id")).contains(correlationId);
        Http.Response rows = http.get("/api/audit?entityId=" + code, Tokens.forRole("ADMIN"));
        assertThat(rows.body().get("items")).hasSize(1);
        JsonNode row = rows.body().get("items").get(0);
        assertThat(row.get("correlationId").asString()).isEqualTo(correlationId);
        assertThat(row.get("operation").asString()).isEqualTo("POST /api/projects");
        assertThat(row.get("actor").asString()).isEqualTo("coordinator-" + area.toLowerCase());
        // a request without one is given one
        assertThat(http.get("/api/projects", coordinator).headers().firstValue("X-Correlation-Id")).isPresent();
    }
}
