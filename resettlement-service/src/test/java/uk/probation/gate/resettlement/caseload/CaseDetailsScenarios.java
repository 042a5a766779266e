package uk.probation.gate.resettlement.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static uk.probation.gate.platform.test.Problems.assertProblem;
import static uk.probation.gate.resettlement.caseload.CaseLifecycleScenarios.MEN;
import static uk.probation.gate.resettlement.caseload.CaseLifecycleScenarios.movement;
import static uk.probation.gate.resettlement.caseload.CaseLifecycleScenarios.of;
import static uk.probation.gate.resettlement.caseload.CaseLifecycleScenarios.plan;
import static uk.probation.gate.resettlement.caseload.CaseLifecycleScenarios.release;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.probation.gate.contracts.Topics;
import uk.probation.gate.platform.test.Http;
import uk.probation.gate.platform.test.Identifiers;
import uk.probation.gate.platform.test.Tokens;
import uk.probation.gate.platform.test.TopicReader;

/**
 * Issue 11 item 1: a case opened by an HMPPS admission has no release date, risk, CRN or officer; the caseworker
 * completes it (PUT details, or the same reception sent again) and the change reaches the bus.
 */
abstract class CaseDetailsScenarios extends ScenarioSupport {

    static final String UPDATED = "resettlement.case.updated";
    final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @Override
    String[] prisonsUsed() {
        return new String[] {"NMI", "LCI", "RNI"};
    }

    @Test
    void aCaseOpenedByHmppsIsCompletedAndTheReleaseDateRiskAndOfficerReachEveryLaterEvent() {
        String prisonNumber = Identifiers.prisonNumber();
        String caseId = admittedByHmpps(prisonNumber, "NMI");
        LocalDate release = today.plusMonths(10);

        Http.Response completed = http.put("/api/cases/" + caseId + "/details", caseworker,
                details("X765432", release, "HIGH", "N07RO9"));

        assertThat(completed.status()).isEqualTo(200);
        JsonNode read = http.get("/api/cases/" + caseId, caseworker).body();
        assertThat(read.get("expectedReleaseDate").asString()).isEqualTo(release.toString());
        assertThat(read.get("preReleaseReviewFrom").asString()).isEqualTo(release.minusWeeks(12).toString());
        assertThat(read.get("preReleaseReview").get("dueBy").asString()).isEqualTo(release.minusWeeks(8).toString());
        assertThat(read.get("preReleaseReview").get("status").asString()).isEqualTo("NOT_DUE");
        assertThat(read.get("riskOfSeriousHarm").asString()).isEqualTo("HIGH");
        assertThat(read.get("crn").asString()).isEqualTo("X765432");
        assertThat(read.get("responsibleOfficerCode").asString()).isEqualTo("N07RO9");

        JsonNode updated = topics.await(Topics.RESETTLEMENT, of(UPDATED, prisonNumber), 1).get(0).data();
        assertThat(updated.get("caseId").asString()).isEqualTo(caseId);
        assertThat(updated.get("expectedReleaseDate").asString()).isEqualTo(release.toString());
        assertThat(updated.get("riskOfSeriousHarm").asString()).isEqualTo("HIGH");
        assertThat(updated.get("crn").asString()).isEqualTo("X765432");
        assertThat(updated.get("responsibleOfficerCode").asString()).isEqualTo("N07RO9");
        assertThat(updated.get("prisonCode").asString()).isEqualTo("NMI");
        assertThat(updated.get("preReleaseReviewDueBy").asString()).isEqualTo(release.minusWeeks(8).toString());
        assertThat(updated.get("changedFields").valueStream().map(JsonNode::asString).toList())
                .containsExactlyInAnyOrder("crn", "expectedReleaseDate", "riskOfSeriousHarm",
                        "responsibleOfficerCode");

        http.put("/api/cases/" + caseId + "/plan", caseworker, plan(MEN, "Summary"));
        http.post("/api/cases/" + caseId + "/plan/completion", caseworker, "");
        JsonNode planned = topics.await(Topics.RESETTLEMENT, of("resettlement.plan.completed", prisonNumber), 1)
                .get(0).data();
        assertThat(planned.get("riskOfSeriousHarm").asString()).isEqualTo("HIGH");
        assertThat(planned.get("crn").asString()).isEqualTo("X765432");

        List<String> timeline = new ArrayList<>();
        http.get("/api/cases/" + caseId + "/timeline", caseworker).body().get("items")
                .forEach(e -> timeline.add(e.get("type").asString()));
        assertThat(timeline).containsSubsequence("RECEIVED", "DETAILS_UPDATED", "PLAN_SAVED", "PLAN_COMPLETED");
    }

    @Test
    void savingTheSameDetailsAgainChangesNothingAndPublishesNothing() {
        String prisonNumber = Identifiers.prisonNumber();
        String caseId = admittedByHmpps(prisonNumber, "LCI");
        Map<String, Object> body = details("X111222", today.plusMonths(6), "LOW", "N01RO1");
        http.put("/api/cases/" + caseId + "/details", caseworker, body);
        Http.Response again = http.put("/api/cases/" + caseId + "/details", caseworker, body);

        assertThat(again.status()).isEqualTo(200);
        Map<String, Object> corrected = new HashMap<>(body);
        corrected.put("responsibleOfficerCode", "N02RO2");
        assertThat(http.put("/api/cases/" + caseId + "/details", caseworker, corrected).field("responsibleOfficerCode"))
                .isEqualTo("N02RO2");
        List<TopicReader.Event> updates = topics.await(Topics.RESETTLEMENT, of(UPDATED, prisonNumber), 2);
        assertThat(updates.get(1).data().get("changedFields").valueStream().map(JsonNode::asString).toList())
                .containsExactly("responsibleOfficerCode");
        markerThenCount(prisonNumber, 2);
    }

    @Test
    void theSameReceptionSentAgainFillsInWhatTheCaseLacksButOverwritesNothing() {
        String prisonNumber = Identifiers.prisonNumber();
        String caseId = admittedByHmpps(prisonNumber, "NMI");
        Map<String, Object> reception = new HashMap<>(reception(prisonNumber, "NMI", today.toString()));
        reception.put("crn", "X222333");

        Http.Response resent = http.post("/api/cases", caseworker, reception);

        assertThat(resent.status()).isEqualTo(200);
        assertThat(resent.field("id")).isEqualTo(caseId);
        assertThat(resent.field("expectedReleaseDate")).isEqualTo(today.plusMonths(9).toString());
        assertThat(resent.field("riskOfSeriousHarm")).isEqualTo("MEDIUM");
        assertThat(resent.field("crn")).isEqualTo("X222333");
        assertThat(resent.field("responsibleOfficerCode")).isEqualTo("N01RO1");
        assertThat(resent.field("preReleaseReviewFrom")).isEqualTo(today.plusMonths(9).minusWeeks(12).toString());
        JsonNode updated = topics.await(Topics.RESETTLEMENT, of(UPDATED, prisonNumber), 1).get(0).data();
        assertThat(updated.get("riskOfSeriousHarm").asString()).isEqualTo("MEDIUM");

        reception.put("crn", "X999999");
        reception.put("riskOfSeriousHarm", "LOW");
        Http.Response differing = http.post("/api/cases", caseworker, reception);
        assertThat(differing.status()).isEqualTo(200);
        assertThat(differing.field("crn")).isEqualTo("X222333");
        assertThat(differing.field("riskOfSeriousHarm")).isEqualTo("MEDIUM");
        markerThenCount(prisonNumber, 1);
    }

    @Test
    void badDetailsAreRefusedNamingTheFieldAndChangeNothing() {
        String prisonNumber = Identifiers.prisonNumber();
        String caseId = admittedByHmpps(prisonNumber, "RNI");

        assertProblem(http.put("/api/cases/" + caseId + "/details", caseworker,
                details("12345", today.plusMonths(6), "LOW", "N01RO1")), 422, "crn");
        assertProblem(http.put("/api/cases/" + caseId + "/details", caseworker,
                details("X123456", today.minusDays(3), "LOW", "N01RO1")), 422, "expectedReleaseDate");
        assertProblem(http.put("/api/cases/" + caseId + "/details", caseworker,
                details("X123456", today.plusMonths(6), "LOW", "n0 1")), 422, "responsibleOfficerCode");
        assertProblem(http.put("/api/cases/" + caseId + "/details", caseworker,
                Map.of("crn", "X123456", "sex", "MALE", "riskOfSeriousHarm", "EXTREME")), 400, "riskOfSeriousHarm");
        assertThat(http.put("/api/cases/" + caseId + "/details", Tokens.caseworkerAt("elsewhere", "FHI"),
                details("X123456", today.plusMonths(6), "LOW", "N01RO1")).status()).isEqualTo(404);
        assertThat(http.put("/api/cases/" + caseId + "/details", Tokens.forRole("OPS_VIEWER"),
                details("X123456", today.plusMonths(6), "LOW", "N01RO1")).status()).isEqualTo(403);

        JsonNode unchanged = http.get("/api/cases/" + caseId, caseworker).body();
        assertThat(unchanged.has("crn")).isFalse();
        assertThat(unchanged.has("expectedReleaseDate")).isFalse();
        assertThat(unchanged.get("preReleaseReview").get("status").asString()).isEqualTo("NOT_APPLICABLE");

        http.post("/api/cases/" + caseId + "/release", caseworker, release(today, "SETTLED", "NONE"));
        assertProblem(http.put("/api/cases/" + caseId + "/details", caseworker,
                details("X123456", today.plusMonths(6), "LOW", "N01RO1")), 409, null);
        markerThenCount(prisonNumber, 0);
    }

    @Test
    void aMoveBetweenResettlementPrisonsIsACaseUpdateOfThePrison() {
        String prisonNumber = Identifiers.prisonNumber();
        String caseId = admittedByHmpps(prisonNumber, "NMI");
        topics.send(Topics.PRISON_OFFENDER_EVENTS, prisonNumber,
                movement(prisonNumber, "prison-offender-events.prisoner.received", "TRANSFERRED", "RNI"), Map.of());

        JsonNode moved = topics.await(Topics.RESETTLEMENT, of(UPDATED, prisonNumber), 1).get(0).data();
        assertThat(moved.get("prisonCode").asString()).isEqualTo("RNI");
        assertThat(moved.get("changedFields").valueStream().map(JsonNode::asString).toList())
                .containsExactly("prisonCode");
        assertThat(http.get("/api/cases/" + caseId, caseworker).field("prisonCode")).isEqualTo("RNI");
    }

    @Test
    void aCorrectionBasedOnAStaleReadIsRefusedNamingWhoChangedTheCase() {
        String prisonNumber = Identifiers.prisonNumber();
        String caseId = admittedByHmpps(prisonNumber, "LCI");
        String etag = http.get("/api/cases/" + caseId, caseworker).headers().firstValue("ETag").orElseThrow();
        String colleague = Tokens.forUser("cara.lci", "RESETTLEMENT_CASEWORKER",
                Map.of("prisons", List.of("LCI"), "name", "Cara Lincoln"));
        assertThat(http.put("/api/cases/" + caseId + "/details", colleague,
                details("X444555", today.plusMonths(5), "LOW", "N01RO1"), etag).status()).isEqualTo(200);

        Http.Response stale = http.put("/api/cases/" + caseId + "/details", caseworker,
                details("X666777", today.plusMonths(7), "HIGH", "N01RO1"), etag);

        assertProblem(stale, 409, null);
        assertThat(stale.body().get("modifiedBy").get("name").asString()).isEqualTo("Cara Lincoln");
        assertThat(http.get("/api/cases/" + caseId, caseworker).field("crn")).isEqualTo("X444555");
    }

    String admittedByHmpps(String prisonNumber, String prisonCode) {
        topics.send(Topics.PRISON_OFFENDER_EVENTS, prisonNumber,
                movement(prisonNumber, "prison-offender-events.prisoner.received", "ADMISSION", prisonCode), Map.of());
        String caseId = topics.await(Topics.RESETTLEMENT, about(prisonNumber), 1).get(0).data().get("caseId")
                .asString();
        await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/api/cases/" + caseId, caseworker).status() == 200);
        return caseId;
    }

    static Map<String, Object> details(String crn, LocalDate expectedReleaseDate, String risk, String officer) {
        Map<String, Object> details = new HashMap<>();
        details.put("crn", crn);
        details.put("expectedReleaseDate", expectedReleaseDate.toString());
        details.put("sex", "MALE");
        details.put("riskOfSeriousHarm", risk);
        details.put("responsibleOfficerCode", officer);
        return details;
    }

    /** After a marker event is published, exactly {@code expected} case updates exist for the person. */
    void markerThenCount(String prisonNumber, int expected) {
        String marker = Identifiers.prisonNumber();
        http.post("/api/cases", caseworker, reception(marker, "NMI", today.toString()));
        topics.await(Topics.RESETTLEMENT, about(marker), 1);
        assertThat(topics.all(Topics.RESETTLEMENT).stream().filter(of(UPDATED, prisonNumber))).hasSize(expected);
    }
}
