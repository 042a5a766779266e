package uk.probation.gate.communitypayback.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.probation.gate.platform.test.AuditCoverage;
import uk.probation.gate.platform.test.Http;
import uk.probation.gate.platform.test.Identifiers;
import uk.probation.gate.platform.test.Tokens;

/**
 * Every state-changing operation in the service's OpenAPI document leaves an audit row naming the caller: the table
 * below must list exactly the operations the document has, so a new endpoint without a scenario fails the build.
 */
class AuditCoverageEmbeddedIT extends DataProtectionScenarios {

    String tester;
    String asTester;
    String asAdmin;
    String project;
    String session;
    String spareSession;
    String orderId;

    @Test
    void everyStateChangingOperationLeavesARowWithTheCaller() {
        tester = "audit-tester-" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        asTester = Tokens.forUser(tester, "PLACEMENT_COORDINATOR", Map.of("areas", List.of(area)));
        asAdmin = Tokens.forUser(tester, "ADMIN", Map.of());
        Map<String, Runnable> scenarios = new LinkedHashMap<>();
        scenarios.put("POST /api/projects", () -> project = project(asTester));
        scenarios.put("POST /api/projects/{code}/sessions", () -> {
            session = session(asTester, project);
            spareSession = session(asTester, project);
        });
        scenarios.put("PUT /api/sessions/{sessionId}/supervisors", () -> ok(http.put("/api/sessions/" + session
                + "/supervisors", asTester, Map.of("supervisors", 2))));
        scenarios.put("POST /api/orders", () -> orderId = order(asTester, Identifiers.crn()));
        scenarios.put("PUT /api/orders/{orderId}/assessment", () -> ok(http.put("/api/orders/" + orderId
                + "/assessment", asTester, assessment())));
        scenarios.put("POST /api/orders/{orderId}/placement", () -> ok(http.post("/api/orders/" + orderId
                + "/placement", asTester, Map.of("projectCode", project))));
        scenarios.put("POST /api/orders/{orderId}/extension", () -> ok(http.post("/api/orders/" + orderId
                + "/extension", asTester, Map.of("completeBy", today.plusYears(2).toString()))));
        scenarios.put("POST /api/sessions/{sessionId}/bookings", () -> {
            ok(book(asTester, session, orderId));
            ok(book(asTester, spareSession, orderId));
        });
        scenarios.put("DELETE /api/sessions/{sessionId}/bookings/{orderId}", () -> ok(http.delete("/api/sessions/"
                + spareSession + "/bookings/" + orderId, asTester)));
        scenarios.put("POST /api/sessions/{sessionId}/attendance", () -> ok(attend(asTester, session, orderId, 60)));
        scenarios.put("POST /api/sessions/{sessionId}/stand-down", () -> ok(http.post("/api/sessions/"
                + spareSession + "/stand-down", asTester, Map.of("reason", "NO_WORK"))));
        scenarios.put("POST /api/admin/retention/run", () -> ok(http.post("/api/admin/retention/run", asAdmin,
                Map.of())));
        scenarios.put("POST /api/admin/dead-letters/replay", () -> ok(http.post("/api/admin/dead-letters/replay",
                asAdmin, Map.of())));

        assertThat(scenarios.keySet()).as("a scenario for every state-changing operation in /v3/api-docs")
                .containsExactlyInAnyOrderElementsOf(AuditCoverage.stateChangingOperations(http));

        scenarios.forEach((operation, scenario) -> scenario.run());

        assertThat(AuditCoverage.operationsBy(http, tester)).containsAll(scenarios.keySet());
        List<JsonNode> rows = AuditCoverage.rowsBy(http, tester);
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.get("actor").asString()).isEqualTo(tester);
            assertThat(row.get("client").asString()).isEqualTo("test-client");
        });
        JsonNode assessed = rows.stream()
                .filter(r -> "PUT /api/orders/{orderId}/assessment".equals(r.get("operation").asString()))
                .findFirst().orElseThrow();
        assertThat(assessed.get("entity").asString()).isEqualTo("orders");
        assertThat(assessed.get("entityId").asString()).isEqualTo(orderId);
        assertThat(assessed.get("action").asString()).isEqualTo("updated");
        assertThat(assessed.get("changedFields")).extracting(JsonNode::asString).contains("assessment", "status");
        JsonNode projectRow = rows.stream()
                .filter(r -> "POST /api/projects".equals(r.get("operation").asString()))
                .findFirst().orElseThrow();
        assertThat(projectRow.get("entity").asString()).isEqualTo("projects");
        assertThat(projectRow.get("entityId").asString()).isEqualTo(project);
        assertThat(projectRow.get("action").asString()).isEqualTo("created");
        assertThat(projectRow.get("changedFields")).extracting(JsonNode::asString).contains("name", "areaCode",
                "type");
        JsonNode attended = rows.stream()
                .filter(r -> "POST /api/sessions/{sessionId}/attendance".equals(r.get("operation").asString())
                        && "orders".equals(r.get("entity").asString()))
                .findFirst().orElseThrow();
        assertThat(attended.get("changedFields")).extracting(JsonNode::asString).contains("attendances",
                "creditedMinutes");
        assertThat(attended.get("events")).extracting(JsonNode::asString)
                .contains("community-payback.session.attended");
        // the rows name records by id, never the person
        assertThat(rows.toString()).doesNotContainPattern("\"[A-Z][0-9]{6}\"");

        // an admin reads them by record; another role may not
        Http.Response byRecord = http.get("/api/audit?entityId=" + orderId, Tokens.forRole("ADMIN"));
        assertThat(byRecord.status()).isEqualTo(200);
        assertThat(byRecord.body().get("items").size()).isGreaterThanOrEqualTo(5);
        assertThat(http.get("/api/audit?entityId=" + orderId, coordinator).status()).isEqualTo(403);
    }

    static Http.Response ok(Http.Response response) {
        assertThat(response.status()).as("%s", response.body()).isBetween(200, 204);
        return response;
    }
}
