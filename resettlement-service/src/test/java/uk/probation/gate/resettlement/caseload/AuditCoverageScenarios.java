package uk.probation.gate.resettlement.caseload;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.probation.gate.platform.test.AuditCoverage;
import uk.probation.gate.platform.test.Http;
import uk.probation.gate.platform.test.Identifiers;
import uk.probation.gate.platform.test.Tokens;

/**
 * Every state-changing operation the service publishes in its OpenAPI document leaves an audit row naming the
 * operation, the caller ({@code sub}) and its client: the table below must list exactly those operations, so an
 * endpoint added without a scenario fails here.
 */
abstract class AuditCoverageScenarios extends ScenarioSupport {

    final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    /** One person for the whole run: the audit rows are found by this {@code sub}. */
    final String tester = "audit-tester-" + UUID.randomUUID().toString().substring(0, 8);
    final String asCaseworker = Tokens.forUser(tester, "RESETTLEMENT_CASEWORKER", Map.of("prisons", List.of("NMI")));
    final String asAdmin = Tokens.forUser(tester, "ADMIN", Map.of());

    @Override
    String[] prisonsUsed() {
        return new String[] {"NMI"};
    }

    /** Operation (as OpenAPI names it) → a scenario that performs it successfully as {@link #tester}. */
    Map<String, Runnable> scenarios() {
        Map<String, Runnable> table = new LinkedHashMap<>();
        table.put("POST /api/cases", () -> newCase(today.minusDays(3), null));
        table.put("PUT /api/cases/{caseId}/details", () -> {
            String caseId = newCase(today.minusDays(3), null);
            Map<String, Object> details = new HashMap<>();
            details.put("crn", Identifiers.crn());
            details.put("expectedReleaseDate", today.plusMonths(6).toString());
            details.put("sex", "MALE");
            details.put("riskOfSeriousHarm", "HIGH");
            details.put("responsibleOfficerCode", "N01RO1");
            ok(http.put("/api/cases/" + caseId + "/details", asCaseworker, details));
        });
        table.put("PUT /api/cases/{caseId}/screening", () -> {
            String caseId = newCase(today.minusDays(3), null);
            ok(http.put("/api/cases/" + caseId + "/screening", asCaseworker, Map.of("questionsVersion",
                    currentVersion("IMMEDIATE_NEEDS"), "answers", ReviewAndScreeningScenarios.screeningAnswers())));
        });
        table.put("PUT /api/cases/{caseId}/plan", () -> {
            String caseId = newCase(today.minusDays(3), null);
            ok(http.put("/api/cases/" + caseId + "/plan", asCaseworker,
                    CaseLifecycleScenarios.plan(CaseLifecycleScenarios.MEN, "Summary")));
        });
        table.put("POST /api/cases/{caseId}/plan/completion", () -> completedPlan(newCase(today.minusDays(3), null)));
        table.put("POST /api/cases/{caseId}/pre-release-review", () -> {
            String caseId = completedPlan(newCase(today.minusDays(30), today.plusDays(60)));
            ok(http.post("/api/cases/" + caseId + "/pre-release-review", asCaseworker, Map.of("questionsVersion",
                    currentVersion("PRE_RELEASE"), "answers", ReviewAndScreeningScenarios.reviewAnswers())));
        });
        table.put("PUT /api/cases/{caseId}/allocation", () -> ok(http.put("/api/cases/"
                + newCase(today.minusDays(3), null) + "/allocation", asCaseworker, Map.of("caseworker", "me"))));
        table.put("DELETE /api/cases/{caseId}/allocation", () -> {
            String caseId = newCase(today.minusDays(3), null);
            ok(http.put("/api/cases/" + caseId + "/allocation", asCaseworker, Map.of("caseworker", "me")));
            ok(http.delete("/api/cases/" + caseId + "/allocation", asCaseworker));
        });
        table.put("PUT /api/cases/{caseId}/responsible-officer", () -> ok(http.put("/api/cases/"
                + newCase(today.minusDays(3), null) + "/responsible-officer", asCaseworker,
                Map.of("responsibleOfficerCode", "N02RO7"))));
        table.put("POST /api/cases/{caseId}/release", () -> ok(http.post("/api/cases/"
                + newCase(today.minusDays(10), null) + "/release", asCaseworker,
                CaseLifecycleScenarios.release(today, "SETTLED", "EMPLOYMENT"))));
        table.put("PUT /api/screening-questions/{stage}", () -> {
            // the current questions again, as the next version: answers keep working for every other scenario
            JsonNode current = http.get("/api/screening-questions/PRE_RELEASE", asAdmin).body();
            Http.Response published = http.put("/api/screening-questions/PRE_RELEASE", asAdmin,
                    Map.of("questions", current.get("questions")));
            assertThat(published.status()).as(published.body().toString()).isEqualTo(201);
        });
        table.put("POST /api/admin/dead-letters/replay", () -> ok(http.post("/api/admin/dead-letters/replay",
                asAdmin, "")));
        table.put("POST /api/admin/retention/run", () -> ok(http.post("/api/admin/retention/run", asAdmin, "")));
        return table;
    }

    @Test
    void everyStateChangingOperationLeavesAnAuditRowNamingTheCaller() {
        Map<String, Runnable> table = scenarios();
        assertThat(table.keySet()).as("a scenario for every POST/PUT/PATCH/DELETE in /v3/api-docs")
                .containsExactlyInAnyOrderElementsOf(AuditCoverage.stateChangingOperations(http));

        table.values().forEach(Runnable::run);

        assertThat(AuditCoverage.operationsBy(http, tester)).containsAll(table.keySet());
        List<JsonNode> rows = AuditCoverage.rowsBy(http, tester);
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.get("actor").asString()).isEqualTo(tester);
            assertThat(row.get("client").asString()).isEqualTo("test-client");
        });
        JsonNode details = rows.stream()
                .filter(r -> r.get("operation").asString().equals("PUT /api/cases/{caseId}/details")
                        && r.get("entity").asString().equals("cases"))
                .findFirst().orElseThrow();
        assertThat(names(details.get("changedFields"))).contains("crn", "riskOfSeriousHarm", "history");
        assertThat(names(details.get("events"))).containsExactly("resettlement.case.updated");
        JsonNode published = rows.stream()
                .filter(r -> r.get("operation").asString().equals("PUT /api/screening-questions/{stage}"))
                .findFirst().orElseThrow();
        assertThat(published.get("entity").asString()).isEqualTo("screening_questions");
        assertThat(published.get("entityId").asString()).startsWith("PRE_RELEASE:");
        assertThat(names(published.get("changedFields"))).contains("questions");
        // the caller's first call put them in the caseworker directory: a write outside the aggregate, audited too
        assertThat(rows).anySatisfy(row -> {
            assertThat(row.get("entity").asString()).isEqualTo("caseworkers");
            assertThat(row.get("entityId").asString()).isEqualTo(tester);
            assertThat(names(row.get("changedFields"))).containsExactly("name");
        });
        // nothing personal in the trail: identifiers of records and names of fields only
        assertThat(rows.toString()).doesNotContain("N02RO7", "Summary");
    }

    private String newCase(LocalDate receivedOn, LocalDate expectedRelease) {
        Map<String, Object> reception = new HashMap<>(reception(Identifiers.prisonNumber(), "NMI",
                receivedOn.toString()));
        if (expectedRelease != null) {
            reception.put("expectedReleaseDate", expectedRelease.toString());
        }
        Http.Response created = http.post("/api/cases", asCaseworker, reception);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.field("id");
    }

    private String completedPlan(String caseId) {
        ok(http.put("/api/cases/" + caseId + "/plan", asCaseworker,
                CaseLifecycleScenarios.plan(CaseLifecycleScenarios.MEN, "Summary")));
        ok(http.post("/api/cases/" + caseId + "/plan/completion", asCaseworker, ""));
        return caseId;
    }

    private int currentVersion(String stage) {
        return http.get("/api/screening-questions/" + stage, asCaseworker).body().get("version").asInt();
    }

    private static void ok(Http.Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        if (array != null) {
            array.forEach(n -> names.add(n.asString()));
        }
        return names;
    }
}
