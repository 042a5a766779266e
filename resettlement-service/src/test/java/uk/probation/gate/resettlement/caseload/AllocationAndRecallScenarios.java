package uk.probation.gate.resettlement.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.probation.gate.platform.test.Problems.assertProblem;
import static uk.probation.gate.resettlement.caseload.CaseLifecycleScenarios.movement;
import static uk.probation.gate.resettlement.caseload.CaseLifecycleScenarios.of;
import static uk.probation.gate.resettlement.caseload.CaseLifecycleScenarios.release;

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
 * The allocation and recall journeys: a case is allocated to a named caseworker, "my cases" lists theirs, the
 * caseload shows who holds each case, release and transfer out unallocate it; an admission whose movement reason is
 * a recall is flagged on the case, the caseload and the received event. Bank holidays outside the known range are
 * refused naming the field.
 */
abstract class AllocationAndRecallScenarios extends ScenarioSupport {

    final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    final String ann = Tokens.forUser("ann.gti", "RESETTLEMENT_CASEWORKER",
            Map.of("prisons", List.of("GTI", "SKI"), "name", "Ann Gartree"));
    final String bob = Tokens.forUser("bob.gti", "RESETTLEMENT_CASEWORKER",
            Map.of("prisons", List.of("GTI", "SKI"), "name", "Bob Gartree"));

    @Override
    String[] prisonsUsed() {
        return new String[] {"GTI", "SKI", "FHI"};
    }

    @Test
    void aCaseIsAllocatedListedAsMyCasesAndUnallocatedOnRelease() {
        String prisonNumber = Identifiers.prisonNumber();
        Map<String, Object> reception = new HashMap<>(reception(prisonNumber, "GTI", today.minusDays(2).toString()));
        reception.put("crn", "X555666");
        String caseId = http.post("/api/cases", ann, reception).field("id");

        assertProblem(http.put("/api/cases/" + caseId + "/allocation", ann, Map.of("caseworker", "not an id!")), 422,
                "caseworker");
        Http.Response mine = http.put("/api/cases/" + caseId + "/allocation", ann, Map.of("caseworker", "me"));
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.field("allocatedTo")).isEqualTo("ann.gti");
        assertThat(mine.field("allocatedToName")).isEqualTo("Ann Gartree");
        http.put("/api/cases/" + caseId + "/allocation", ann, Map.of("caseworker", "me"));

        JsonNode entry = entry(http.get("/api/caseload?allocatedTo=me&size=200", ann), caseId);
        assertThat(entry).isNotNull();
        assertThat(entry.get("allocatedTo").asString()).isEqualTo("ann.gti");
        assertThat(entry.get("allocatedToName").asString()).isEqualTo("Ann Gartree");
        assertThat(entry.get("crn").asString()).isEqualTo("X555666");
        assertThat(entry.get("recall").asBoolean()).isFalse();
        assertThat(entry(http.get("/api/caseload?allocatedTo=me&size=200", bob), caseId)).isNull();
        assertThat(entry(http.get("/api/caseload?unallocated=true&prisonCode=GTI&size=200", bob), caseId)).isNull();
        assertThat(entry(http.get("/api/caseload?allocatedTo=ann.gti&size=200", bob), caseId)).isNotNull();

        http.get("/api/caseload", bob);
        Http.Response toBob = http.put("/api/cases/" + caseId + "/allocation", ann, Map.of("caseworker", "bob.gti"));
        assertThat(toBob.field("allocatedTo")).isEqualTo("bob.gti");
        assertThat(toBob.field("allocatedToName")).isEqualTo("Bob Gartree");

        http.post("/api/cases/" + caseId + "/release", bob, release(today, "SETTLED", "EMPLOYMENT"));
        assertThat(http.get("/api/cases/" + caseId, bob).body().has("allocatedTo")).isFalse();

        List<TopicReader.Event> allocated = topics.await(Topics.RESETTLEMENT,
                of("resettlement.case.allocated", prisonNumber), 2);
        assertThat(allocated).hasSize(2);
        assertThat(allocated.get(0).data().get("allocatedTo").asString()).isEqualTo("ann.gti");
        assertThat(allocated.get(1).data().get("previouslyAllocatedTo").asString()).isEqualTo("ann.gti");
        assertThat(new String(allocated.get(0).value())).doesNotContain("Ann Gartree");
        JsonNode deallocated = topics.await(Topics.RESETTLEMENT, of("resettlement.case.deallocated", prisonNumber), 1)
                .get(0).data();
        assertThat(deallocated.get("reason").asString()).isEqualTo("RELEASED");
        assertThat(deallocated.get("previouslyAllocatedTo").asString()).isEqualTo("bob.gti");
        List<String> timeline = new ArrayList<>();
        http.get("/api/cases/" + caseId + "/timeline", ann).body().get("items")
                .forEach(e -> timeline.add(e.get("type").asString()));
        assertThat(timeline).containsSubsequence("ALLOCATED", "ALLOCATED", "RELEASED", "DEALLOCATED");
        assertProblem(http.put("/api/cases/" + caseId + "/allocation", ann, Map.of("caseworker", "me")), 409, null);
    }

    @Test
    void aManualDeallocationAndATransferOutAreEvents() {
        String prisonNumber = Identifiers.prisonNumber();
        String caseId = http.post("/api/cases", ann, reception(prisonNumber, "SKI", today.minusDays(2).toString()))
                .field("id");
        http.put("/api/cases/" + caseId + "/allocation", ann, Map.of("caseworker", "me"));
        Http.Response removed = http.delete("/api/cases/" + caseId + "/allocation", ann);
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.body().has("allocatedTo")).isFalse();
        assertThat(entry(http.get("/api/caseload?unallocated=true&prisonCode=SKI&size=200", ann), caseId))
                .isNotNull();
        assertThat(http.delete("/api/cases/" + caseId + "/allocation", Tokens.caseworkerAt("x", "NMI")).status())
                .isEqualTo(404);

        http.put("/api/cases/" + caseId + "/allocation", ann, Map.of("caseworker", "me"));
        topics.send(Topics.PRISON_OFFENDER_EVENTS, prisonNumber,
                movement(prisonNumber, "prison-offender-events.prisoner.received", "TRANSFERRED", "BWI"), Map.of());

        List<TopicReader.Event> deallocated = topics.await(Topics.RESETTLEMENT,
                of("resettlement.case.deallocated", prisonNumber), 2);
        assertThat(deallocated).extracting(e -> e.data().get("reason").asString())
                .containsExactly("MANUAL", "TRANSFERRED");
    }

    @Test
    void aRecallAdmissionIsFlaggedOnTheCaseTheCaseloadAndTheEvent() {
        String recalled = Identifiers.prisonNumber();
        String notRecalled = Identifiers.prisonNumber();
        String probable = Identifiers.prisonNumber();
        topics.send(Topics.PRISON_OFFENDER_EVENTS, recalled, admission(recalled, "FHI", today, "L"), Map.of());
        topics.send(Topics.PRISON_OFFENDER_EVENTS, notRecalled, admission(notRecalled, "FHI", today, "N"), Map.of());
        topics.send(Topics.PRISON_OFFENDER_EVENTS, probable, admission(probable, "FHI", today, null)
                .replace("\"reason\":\"ADMISSION\"", "\"reason\":\"ADMISSION\",\"probableCause\":\"RECALL\""),
                Map.of());

        JsonNode event = topics.await(Topics.RESETTLEMENT, about(recalled), 1).get(0).data();
        assertThat(event.get("recall").asBoolean()).isTrue();
        assertThat(topics.await(Topics.RESETTLEMENT, about(notRecalled), 1).get(0).data().get("recall").asBoolean())
                .isFalse();
        assertThat(topics.await(Topics.RESETTLEMENT, about(probable), 1).get(0).data().get("recall").asBoolean())
                .isTrue();
        String caseId = event.get("caseId").asString();
        assertThat(http.get("/api/cases/" + caseId, caseworker).body().get("recall").asBoolean()).isTrue();
        assertThat(entry(http.get("/api/caseload?prisonCode=FHI&size=200", caseworker), caseId).get("recall")
                .asBoolean()).isTrue();

        Map<String, Object> typed = new HashMap<>(reception(Identifiers.prisonNumber(), "GTI", today.toString()));
        typed.put("recall", true);
        Http.Response opened = http.post("/api/cases", caseworker, typed);
        assertThat(opened.body().get("recall").asBoolean()).isTrue();
    }

    @Test
    void aReceptionOutsideTheKnownBankHolidaysIsRefusedNamingReceivedOn() {
        String prisonNumber = Identifiers.prisonNumber();
        Http.Response refused = http.post("/api/cases", caseworker, reception(prisonNumber, "GTI", "2023-12-22"));
        assertProblem(refused, 422, "receivedOn");
        assertThat(http.get("/api/caseload?prisonNumber=" + prisonNumber, caseworker).body().get("total").asInt())
                .isZero();
    }

    static JsonNode entry(Http.Response caseload, String caseId) {
        assertThat(caseload.status()).isEqualTo(200);
        for (JsonNode item : caseload.body().get("items")) {
            if (caseId.equals(item.get("caseId").asString())) {
                return item;
            }
        }
        return null;
    }
}
