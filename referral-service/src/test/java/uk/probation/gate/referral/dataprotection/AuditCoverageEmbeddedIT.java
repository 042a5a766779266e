package uk.probation.gate.referral.dataprotection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.probation.gate.platform.test.AuditCoverage;
import uk.probation.gate.platform.test.Http;
import uk.probation.gate.platform.test.Identifiers;
import uk.probation.gate.platform.test.Tokens;
import uk.probation.gate.referral.DataProtectionEmbedded;

/**
 * Every state-changing operation the service publishes in its OpenAPI document leaves an audit row naming the
 * caller (ADR 0009): the table below must list exactly those operations, so an endpoint added without a scenario
 * fails here.
 */
class AuditCoverageEmbeddedIT extends DataProtectionEmbedded {

    private static final String SUB = "audit-tester";

    private final String caseworker = Tokens.forUser(SUB, "RESETTLEMENT_CASEWORKER", Map.of("prisons", List.of("NMI")));
    private final String ingeus = Tokens.forUser(SUB, "PROVIDER", Map.of("provider", "INGEUS"));
    private final String auditAdmin = Tokens.forUser(SUB, "ADMIN", Map.of());

    /** The referrals the scenarios act on: one taken to closure, one declined. */
    private String worked;
    private String declined;

    @Test
    void everyStateChangingOperationLeavesARowWithTheCallerTheClientAndTheChangedFields() {
        Map<String, Runnable> scenarios = new LinkedHashMap<>();
        scenarios.put("POST /api/referrals", () -> {
            worked = manualReferral(caseworker, Identifiers.prisonNumber(), null, "EDUCATION_SKILLS_AND_WORK",
                    Map.of());
            declined = manualReferral(caseworker, Identifiers.prisonNumber(), null, "EDUCATION_SKILLS_AND_WORK",
                    Map.of());
        });
        scenarios.put("POST /api/referrals/{id}/acceptance", () -> ok(http.post("/api/referrals/" + worked
                + "/acceptance", ingeus, Map.of())));
        scenarios.put("POST /api/referrals/{id}/start", () -> ok(http.post("/api/referrals/" + worked + "/start",
                ingeus, Map.of())));
        scenarios.put("POST /api/referrals/{id}/outcome", () -> ok(http.post("/api/referrals/" + worked
                + "/outcome", ingeus, Map.of("outcome", "EMPLOYMENT_SECURED"))));
        scenarios.put("POST /api/referrals/{id}/closure", () -> ok(http.post("/api/referrals/" + worked
                + "/closure", ingeus, Map.of())));
        scenarios.put("POST /api/referrals/{id}/decline", () -> ok(http.post("/api/referrals/" + declined
                + "/decline", ingeus, Map.of("reason", "NO_CAPACITY"))));
        scenarios.put("PUT /api/routing-rules", () -> {
            Http.Response table = http.get("/api/routing-rules", admin);
            List<Object> rules = new java.util.ArrayList<>();
            table.body().get("items").forEach(rules::add);
            ok(http.put("/api/routing-rules", auditAdmin, Map.of("rules", rules)));
        });
        scenarios.put("POST /api/admin/dead-letters/replay", () -> ok(http.post("/api/admin/dead-letters/replay",
                auditAdmin, Map.of())));
        scenarios.put("POST /api/admin/retention/run", () -> ok(http.post("/api/admin/retention/run", auditAdmin,
                Map.of())));

        assertThat(scenarios.keySet()).containsExactlyInAnyOrderElementsOf(
                AuditCoverage.stateChangingOperations(http));

        scenarios.values().forEach(Runnable::run);

        assertThat(AuditCoverage.operationsBy(http, SUB)).containsAll(scenarios.keySet());
        List<JsonNode> rows = AuditCoverage.rowsBy(http, SUB);
        assertThat(rows).allSatisfy(row -> assertThat(row.get("client").asString()).isEqualTo("test-client"));
        JsonNode acceptance = rows.stream().filter(r -> r.get("operation").asString()
                .equals("POST /api/referrals/{id}/acceptance")).findFirst().orElseThrow();
        assertThat(acceptance.get("entity").asString()).isEqualTo("referrals");
        assertThat(acceptance.get("entityId").asString()).isEqualTo(worked);
        assertThat(acceptance.get("action").asString()).isEqualTo("updated");
        assertThat(strings(acceptance.get("changedFields")))
                .contains("status", "acceptedAt", "history").doesNotContain("outbox", "version");
        assertThat(strings(acceptance.get("events")))
                .containsExactly("referral.referral.accepted");
        JsonNode created = rows.stream().filter(r -> r.get("operation").asString().equals("POST /api/referrals")
                && r.get("entityId").asString().equals(worked)).findFirst().orElseThrow();
        assertThat(created.get("action").asString()).isEqualTo("created");
        JsonNode table = rows.stream().filter(r -> r.get("operation").asString().equals("PUT /api/routing-rules"))
                .findFirst().orElseThrow();
        assertThat(table.get("entity").asString()).isEqualTo("routing-table");
        assertThat(strings(table.get("changedFields"))).contains("changes");
        // the rows name records by id: never a person's identifier in a changed field's place
        assertThat(rows).allSatisfy(row -> assertThat(row.get("changedFields").toString())
                .doesNotContainPattern("[A-Z][0-9]{4}[A-Z]{2}"));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    private static void ok(Http.Response response) {
        assertThat(response.status()).as(response.body().toString()).isBetween(200, 201);
    }
}
