package uk.probation.gate.resettlement.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.probation.gate.platform.test.Problems.assertProblem;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.probation.gate.platform.test.Http;
import uk.probation.gate.platform.test.Identifiers;
import uk.probation.gate.platform.test.SarCoverage;
import uk.probation.gate.platform.test.Tokens;

/**
 * The HMPPS subject access request: everything the service keeps about a person, found by prison number or by CRN.
 * The service holds both identifier types, so it never answers 209: both are tested instead.
 */
abstract class SubjectAccessScenarios extends ScenarioSupport {

    final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    final String sar = Tokens.forSubjectAccess();

    @Override
    String[] prisonsUsed() {
        return new String[] {"LCI"};
    }

    @Test
    void theReportHoldsEveryCaseOfThePersonWithItsPlanAnswersReleaseAndHistory() {
        String prisonNumber = Identifiers.prisonNumber();
        String crn = Identifiers.crn();
        Map<String, Object> first = new HashMap<>(reception(prisonNumber, "LCI", today.minusDays(40).toString()));
        first.put("crn", crn);
        String released = http.post("/api/cases", caseworker, first).field("id");
        http.put("/api/cases/" + released + "/screening", caseworker, Map.of("questionsVersion",
                http.get("/api/screening-questions/IMMEDIATE_NEEDS", caseworker).body().get("version").asInt(),
                "answers", ReviewAndScreeningScenarios.screeningAnswers()));
        http.put("/api/cases/" + released + "/plan", caseworker,
                CaseLifecycleScenarios.plan(CaseLifecycleScenarios.MEN, "Known to partner agency"));
        http.put("/api/cases/" + released + "/allocation", caseworker, Map.of("caseworker", "me"));
        assertThat(http.post("/api/cases/" + released + "/release", caseworker,
                CaseLifecycleScenarios.release(today.minusDays(20), "NO_FIXED_ABODE", "NONE")).status()).isEqualTo(200);
        Map<String, Object> second = new HashMap<>(reception(prisonNumber, "LCI", today.minusDays(5).toString()));
        second.remove("responsibleOfficerCode");
        String open = http.post("/api/cases", caseworker, second).field("id");

        Http.Response byPrisonNumber = http.get("/subject-access-request?prn=" + prisonNumber, sar);

        assertThat(byPrisonNumber.status()).isEqualTo(200);
        JsonNode content = byPrisonNumber.body().get("content");
        JsonNode cases = content.get("cases");
        assertThat(cases).hasSize(2);
        JsonNode closed = cases.get(0);
        assertThat(closed.get("caseId").asString()).isEqualTo(released);
        assertThat(closed.get("prisonNumber").asString()).isEqualTo(prisonNumber);
        assertThat(closed.get("crn").asString()).isEqualTo(crn);
        assertThat(closed.get("prison").asString()).isEqualTo("HMP Leicester (LCI)");
        assertThat(closed.get("status").asString()).isEqualTo("Released");
        assertThat(closed.get("resettlementPlan").get("riskOfHarmSummary").asString())
                .isEqualTo("Known to partner agency");
        assertThat(closed.get("resettlementPlan").get("needs").get(0).get("pathway").asString())
                .isEqualTo("Accommodation");
        assertThat(closed.get("immediateNeedsScreening").get("answers").toString()).contains("Needs reading glasses");
        assertThat(closed.get("release").get("accommodationOnRelease").asString()).isEqualTo("No fixed abode");
        assertThat(closed.get("history").toString()).contains("Allocated to", "Released on");
        assertThat(closed.has("outbox")).isFalse();
        assertThat(closed.has("version")).isFalse();
        assertThat(cases.get(1).get("caseId").asString()).isEqualTo(open);
        assertThat(cases.get(1).get("crn").asString()).as("carried forward to the new case").isEqualTo(crn);

        SarCoverage.assertReportCoversEveryCollection(mongo.getDb(), content, Map.of(
                "audit_log", "who did what, when: staff actions on record ids; the SAR request itself is logged by prn",
                "idempotency_keys", "a 24-hour retry cache of the first answer to a creating request"),
                prisonNumber, crn, released, open);

        Http.Response byCrn = http.get("/subject-access-request?crn=" + crn, sar);
        assertThat(byCrn.status()).as("CRNs are held too: 200, never 209").isEqualTo(200);
        assertThat(byCrn.body().get("content").get("cases")).hasSize(2);

        // the period keeps the cases open at some time in it
        JsonNode recent = http.get("/subject-access-request?prn=" + prisonNumber + "&fromDate="
                + today.minusDays(10), sar).body().get("content").get("cases");
        assertThat(recent).hasSize(1);
        assertThat(recent.get(0).get("caseId").asString()).isEqualTo(open);
        assertThat(http.get("/subject-access-request?prn=" + prisonNumber + "&toDate=" + today.minusDays(60), sar)
                .status()).isEqualTo(204);
    }

    @Test
    void nothingHeldIs204AndOnlyTheSubjectAccessRoleMayAsk() {
        assertThat(http.get("/subject-access-request?prn=" + Identifiers.prisonNumber(), sar).status())
                .isEqualTo(204);
        assertThat(http.get("/subject-access-request?crn=" + Identifiers.crn(), sar).status()).isEqualTo(204);
        String prisonNumber = Identifiers.prisonNumber();
        http.post("/api/cases", caseworker, reception(prisonNumber, "LCI", today.minusDays(2).toString()));
        assertThat(http.get("/subject-access-request?prn=" + prisonNumber, caseworker).status()).isEqualTo(403);
        assertThat(http.get("/subject-access-request?prn=" + prisonNumber, Tokens.forRole("ADMIN")).status())
                .isEqualTo(403);
        assertThat(http.get("/subject-access-request?prn=" + prisonNumber, null).status()).isEqualTo(401);
        assertProblem(http.get("/subject-access-request", sar), 400, "prn");
        assertProblem(http.get("/subject-access-request?crn=12", sar), 400, "crn");
    }
}
