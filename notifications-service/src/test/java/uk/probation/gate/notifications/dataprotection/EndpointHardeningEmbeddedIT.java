package uk.probation.gate.notifications.dataprotection;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.probation.gate.platform.test.Problems.assertProblem;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.probation.gate.notifications.support.InboundEvents;
import uk.probation.gate.platform.test.OnEmbeddedInfrastructure;
import uk.probation.gate.platform.test.Http;
import uk.probation.gate.platform.test.Tokens;

/** Tokens for this service only, bounded bodies and pages, actuator on the management port, correlation ids. */
@OnEmbeddedInfrastructure(database = DataProtectionScenarios.DATABASE)
class EndpointHardeningEmbeddedIT extends DataProtectionScenarios {

    @Test
    void aTokenForAnotherServiceOrForNoServiceIsRefused() {
        assertThat(http.get("/api/recipients", Tokens.forAudience("ADMIN", "referral-service")).status())
                .isEqualTo(401);
        assertThat(http.get("/api/recipients", Tokens.withoutAudience("ADMIN")).status()).isEqualTo(401);
        assertThat(http.get("/api/recipients", Tokens.forAudience("ADMIN", "notifications-service")).status())
                .isEqualTo(200);
    }

    @Test
    void aBodyOverOneMegabyteIs413AndNothingIsStored() {
        String code = InboundEvents.officerCode();
        String huge = "{\"kind\":\"RESPONSIBLE_OFFICER\",\"email\":\"" + "a".repeat(1_100_000)
                + "@test.example.org\",\"language\":\"en\"}";
        Http.Response refused = http.put("/api/recipients/" + code, admin, huge);
        assertProblem(refused, 413, null);
        assertThat(http.get("/api/recipients/" + code, admin).status()).isEqualTo(404);
        assertThat(http.get("/api/audit?entityId=" + code, admin).body().get("total").asInt()).isZero();
    }

    @Test
    void actuatorAnswersOnTheManagementPortOnlyWithHealthDetailsForAdmins() {
        assertThat(http.get("/actuator/prometheus", null).status()).isEqualTo(404);
        assertThat(http.get("/actuator/health", admin).status()).isEqualTo(404);
        assertThat(management.metrics()).contains("notifications_sent_total", "application=\"notifications-service\"");

        Http.Response anonymous = management.get("/actuator/health", null);
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.field("status")).isEqualTo("UP");
        assertThat(anonymous.body().has("components")).isFalse();
        Http.Response forAdmin = management.get("/actuator/health", admin);
        assertThat(forAdmin.status()).isEqualTo(200);
        assertThat(forAdmin.body().get("components").has("mongo")).isTrue();
    }

    @Test
    void swaggerUiIsOffWithoutTheDevProfileButTheOpenApiDocumentStays() {
        assertThat(http.get("/swagger-ui.html", null).status()).isIn(401, 404);
        assertThat(http.get("/swagger-ui/index.html", admin).status()).isIn(401, 404);
        assertThat(http.get("/v3/api-docs", null).status()).isEqualTo(200);
    }

    @Test
    void pagesBeyondTenThousandAreRefusedNamingPage() {
        assertProblem(http.get("/api/notifications?page=10001", viewer), 400, "page");
        assertProblem(http.get("/api/recipients?page=10001", admin), 400, "page");
        assertProblem(http.get("/api/audit?page=10001", admin), 400, "page");
        assertThat(http.get("/api/notifications?page=10000", viewer).status()).isEqualTo(200);
    }

    @Test
    void theCallersCorrelationIdIsEchoedAndWrittenOnTheAuditRow() throws IOException, InterruptedException {
        String code = InboundEvents.officerCode();
        String correlationId = "corr-" + code;
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/recipients/" + code))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .header("X-Correlation-Id", correlationId)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"kind\":\"PROVIDER\",\"email\":\"p@test.example.org\","
                        + "\"language\":\"en\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Correlation-Id")).contains(correlationId);

        JsonNode row = http.get("/api/audit?entityId=" + code, admin).body().get("items").get(0);
        assertThat(row.get("correlationId").asString()).isEqualTo(correlationId);
        assertThat(row.get("operation").asString()).isEqualTo("PUT /api/recipients/{code}");
        assertThat(http.get("/api/notifications", viewer).headers().firstValue("X-Correlation-Id")).isPresent();
        assertThat(http.get("/api/notifications", null).headers().firstValue("X-Correlation-Id")).isPresent();
    }

    @Test
    void anUnknownRecipientIs404InProblemJson() {
        assertProblem(http.get("/api/recipients/" + InboundEvents.officerCode(), admin), 404, null);
        assertThat(http.put("/api/recipients/" + InboundEvents.officerCode(), admin,
                Map.of("kind", "NEIGHBOUR", "email", "x", "language", "english")).status()).isEqualTo(422);
    }
}
