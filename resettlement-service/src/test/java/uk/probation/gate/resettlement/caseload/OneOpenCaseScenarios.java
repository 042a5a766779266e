package uk.probation.gate.resettlement.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static uk.probation.gate.platform.test.Problems.assertProblem;
import static uk.probation.gate.resettlement.caseload.CaseLifecycleScenarios.of;
import static uk.probation.gate.resettlement.caseload.CaseLifecycleScenarios.release;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;
import uk.probation.gate.contracts.Topics;
import uk.probation.gate.platform.test.Http;
import uk.probation.gate.platform.test.Identifiers;

/**
 * Issue 11 item 3, ADR 0007: one open case per person. A later reception supersedes the open case, an earlier one is
 * refused (HTTP) or ignored (HMPPS), the same one is the same case; what the new case lacks is carried forward.
 */
abstract class OneOpenCaseScenarios extends ScenarioSupport {

    static final String SUPERSEDED = "resettlement.case.superseded";
    final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @Override
    String[] prisonsUsed() {
        return new String[] {"NMI", "LCI", "GTI"};
    }

    @Test
    void aLaterReceptionSupersedesTheOpenCaseAndTakesItsDetails() {
        String prisonNumber = Identifiers.prisonNumber();
        Map<String, Object> first = new HashMap<>(reception(prisonNumber, "NMI", today.minusDays(20).toString()));
        first.put("crn", "X100200");
        String oldCase = http.post("/api/cases", caseworker, first).field("id");
        assertThat(http.put("/api/cases/" + oldCase + "/allocation", caseworker, Map.of("caseworker", "me"))
                .status()).isEqualTo(200);

        Map<String, Object> second = new HashMap<>(reception(prisonNumber, "LCI", today.minusDays(2).toString()));
        second.remove("responsibleOfficerCode");
        second.remove("expectedReleaseDate");
        Http.Response opened = http.post("/api/cases", caseworker, second);

        assertThat(opened.status()).isEqualTo(201);
        String newCase = opened.field("id");
        assertThat(newCase).isNotEqualTo(oldCase);
        assertThat(opened.field("crn")).isEqualTo("X100200");
        assertThat(opened.field("responsibleOfficerCode")).isEqualTo("N01RO1");
        assertThat(opened.field("riskOfSeriousHarm")).isEqualTo("MEDIUM");
        JsonNode old = http.get("/api/cases/" + oldCase, caseworker).body();
        assertThat(old.get("status").asString()).isEqualTo("SUPERSEDED");
        assertThat(old.get("supersededBy").asString()).isEqualTo(newCase);
        assertThat(old.has("allocatedTo")).isFalse();

        JsonNode superseded = topics.await(Topics.RESETTLEMENT, of(SUPERSEDED, prisonNumber), 1).get(0).data();
        assertThat(superseded.get("caseId").asString()).isEqualTo(oldCase);
        assertThat(superseded.get("supersededByCaseId").asString()).isEqualTo(newCase);
        assertThat(superseded.get("closedOn").asString()).isEqualTo(today.minusDays(2).toString());
        JsonNode deallocated = topics.await(Topics.RESETTLEMENT, of("resettlement.case.deallocated", prisonNumber), 1)
                .get(0).data();
        assertThat(deallocated.get("reason").asString()).isEqualTo("SUPERSEDED");
        List<String> timeline = new ArrayList<>();
        http.get("/api/cases/" + oldCase + "/timeline", caseworker).body().get("items")
                .forEach(e -> timeline.add(e.get("type").asString()));
        assertThat(timeline).containsSubsequence("RECEIVED", "ALLOCATED", "SUPERSEDED", "DEALLOCATED");
        assertThat(openCases(prisonNumber)).isEqualTo(1);

        Http.Response sameAsFirst = http.post("/api/cases", caseworker, first);
        assertThat(sameAsFirst.status()).isEqualTo(200);
        assertThat(sameAsFirst.field("id")).isEqualTo(oldCase);
        assertThat(openCases(prisonNumber)).isEqualTo(1);
    }

    @Test
    void anEarlierReceptionIsRefusedNamingReceivedOnAndOpensNothing() {
        String prisonNumber = Identifiers.prisonNumber();
        String open = http.post("/api/cases", caseworker, reception(prisonNumber, "GTI", today.minusDays(3).toString()))
                .field("id");

        Http.Response earlier = http.post("/api/cases", caseworker,
                reception(prisonNumber, "GTI", today.minusDays(10).toString()));

        assertProblem(earlier, 409, "receivedOn");
        assertThat(mongo.count(Query.query(Criteria.where("prisonNumber").is(prisonNumber)), ResettlementCase.class))
                .isEqualTo(1);
        assertThat(http.get("/api/cases/" + open, caseworker).field("status")).isEqualTo("SCREENING_DUE");
    }

    @Test
    void theHmppsFeedIgnoresAnEarlierReceptionAndALaterOneSupersedes() {
        String prisonNumber = Identifiers.prisonNumber();
        String open = http.post("/api/cases", caseworker, reception(prisonNumber, "NMI", today.minusDays(5).toString()))
                .field("id");

        topics.send(Topics.PRISON_OFFENDER_EVENTS, prisonNumber,
                admission(prisonNumber, "NMI", today.minusDays(9), null), Map.of());
        topics.send(Topics.PRISON_OFFENDER_EVENTS, prisonNumber, admission(prisonNumber, "LCI", today, null),
                Map.of());

        JsonNode superseded = topics.await(Topics.RESETTLEMENT, of(SUPERSEDED, prisonNumber), 1).get(0).data();
        assertThat(superseded.get("caseId").asString()).isEqualTo(open);
        List<JsonNode> received = topics.await(Topics.RESETTLEMENT, about(prisonNumber), 2).stream()
                .map(e -> e.data()).toList();
        assertThat(received).hasSize(2);
        assertThat(received.get(1).get("receivedOn").asString()).isEqualTo(today.toString());
        assertThat(received.get(1).get("responsibleOfficerCode").asString()).isEqualTo("N01RO1");
        assertThat(received.get(1).get("riskOfSeriousHarm").asString()).isEqualTo("MEDIUM");
        assertThat(mongo.count(Query.query(Criteria.where("prisonNumber").is(prisonNumber)), ResettlementCase.class))
                .as("the earlier reception opened nothing").isEqualTo(2);
        assertThat(openCases(prisonNumber)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(management.metrics())
                .containsPattern("resettlement_receptions_ignored_total\\{application=\"resettlement-service\",prison=\"NMI\"} [1-9]"));
    }

    @Test
    void aReceptionAfterAClosedCaseCarriesForwardTheCrnAndOfficerOnly() {
        String prisonNumber = Identifiers.prisonNumber();
        Map<String, Object> first = new HashMap<>(reception(prisonNumber, "GTI", today.minusDays(40).toString()));
        first.put("crn", "X300400");
        String closed = http.post("/api/cases", caseworker, first).field("id");
        http.post("/api/cases/" + closed + "/release", caseworker, release(today.minusDays(10), "SETTLED", "NONE"));

        topics.send(Topics.PRISON_OFFENDER_EVENTS, prisonNumber, admission(prisonNumber, "GTI", today, null),
                Map.of());

        List<JsonNode> received = topics.await(Topics.RESETTLEMENT, about(prisonNumber), 2).stream()
                .map(e -> e.data()).toList();
        JsonNode reopened = received.get(1);
        assertThat(reopened.get("crn").asString()).isEqualTo("X300400");
        assertThat(reopened.get("responsibleOfficerCode").asString()).isEqualTo("N01RO1");
        assertThat(reopened.has("riskOfSeriousHarm")).as("risk is assessed again").isFalse();
        assertThat(http.get("/api/cases/" + closed, caseworker).field("status")).isEqualTo("RELEASED");
        assertThat(topics.all(Topics.RESETTLEMENT).stream().filter(of(SUPERSEDED, prisonNumber))).isEmpty();
    }

    @Test
    void aSupersedeInterruptedBetweenItsTwoSavesIsFinishedWhenTheReceptionIsRepeated() {
        String prisonNumber = Identifiers.prisonNumber();
        String oldCase = http.post("/api/cases", caseworker, reception(prisonNumber, "NMI", today.minusDays(12)
                .toString())).field("id");
        // the new case saved, then the service stopped before the old case was superseded: two open cases
        Map<String, Object> later = reception(prisonNumber, "NMI", today.minusDays(1).toString());
        ResettlementCase saved = new ResettlementCase(java.util.UUID.randomUUID().toString(), new Reception(
                prisonNumber, null, "NMI", today.minusDays(1), null, uk.probation.gate.contracts.reference.Sex.MALE,
                null, null), deadlines, java.time.Instant.now(), Actor.HMPPS, events);
        mongo.save(saved);
        assertThat(openCases(prisonNumber)).isEqualTo(2);

        Http.Response repeated = http.post("/api/cases", caseworker, later);

        assertThat(repeated.status()).isEqualTo(200);
        assertThat(repeated.field("id")).isEqualTo(saved.getId());
        assertThat(openCases(prisonNumber)).isEqualTo(1);
        assertThat(http.get("/api/cases/" + oldCase, caseworker).field("supersededBy")).isEqualTo(saved.getId());
        assertThat(topics.await(Topics.RESETTLEMENT, of(SUPERSEDED, prisonNumber), 1)).hasSize(1);
    }

    @org.springframework.beans.factory.annotation.Autowired
    uk.probation.gate.resettlement.domain.Deadlines deadlines;

    @org.springframework.beans.factory.annotation.Autowired
    uk.probation.gate.platform.outbox.Events events;

    long openCases(String prisonNumber) {
        return mongo.count(Query.query(Criteria.where("prisonNumber").is(prisonNumber).and("status")
                .nin("RELEASED", "TRANSFERRED", "SUPERSEDED")), ResettlementCase.class);
    }
}
