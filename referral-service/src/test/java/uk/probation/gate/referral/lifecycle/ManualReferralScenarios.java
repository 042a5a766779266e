package uk.probation.gate.referral.lifecycle;

import static uk.probation.gate.platform.test.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.probation.gate.contracts.Topics;
import uk.probation.gate.platform.test.Identifiers;
import uk.probation.gate.platform.test.Http;
import uk.probation.gate.platform.test.Tokens;

/**
 * A caseworker's manual referral: bad input refused by field, a repeated Idempotency-Key makes one referral, a known
 * prisoner's referral joins their case.
 */
abstract class ManualReferralScenarios extends ReferralScenarioSupport {

    @Test
    void aManualReferralWithBadInputIsRefusedByFieldAndNothingIsCreated() {
        long before = http.get("/api/referrals", viewer).body().get("total").asLong();
        Map<String, Object> noIdentifier = new LinkedHashMap<>(manual(null, "ACCOMMODATION", "NMI", "MALE", "LOW"));
        assertProblem(http.post("/api/referrals", caseworker, noIdentifier), 400, "personReference");
        Map<String, Object> both = new LinkedHashMap<>(manual("A1234BC", "ACCOMMODATION", "NMI", "MALE", "LOW"));
        both.put("areaCode", "N53");
        assertProblem(http.post("/api/referrals", caseworker, both), 400, "areaCode");
        assertProblem(http.post("/api/referrals", caseworker, manual("A1234BC", "HOUSING", "NMI", "MALE", "LOW")),
                400, "need");
        assertProblem(http.post("/api/referrals", caseworker, manual("1234", "ACCOMMODATION", "NMI", "MALE", "LOW")),
                400, "personReference.prisonNumber");
        assertThat(http.post("/api/referrals", Tokens.forProvider("INGEUS"),
                manual("A1234BC", "ACCOMMODATION", "NMI", "MALE", "LOW")).status()).isEqualTo(403);
        assertThat(http.get("/api/referrals", viewer).body().get("total").asLong()).isEqualTo(before);
        // a placement coordinator refers from the community, by CRN and area
        Map<String, Object> community = new LinkedHashMap<>(manual(null, "DRUGS_AND_ALCOHOL", null, "MALE", "MEDIUM"));
        community.put("personReference", Map.of("crn", "X765432"));
        community.put("areaCode", "N53");
        Http.Response created = http.post("/api/referrals", Tokens.coordinatorIn("test-coordinator", "N53"),
                community);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.field("providerCode")).isEqualTo("CHANGE_GROW_LIVE");
        assertThat(created.body().get("personReference").get("crn").asString()).isEqualTo("X765432");
    }

    @Test
    void aRepeatedManualReferralWithTheSameIdempotencyKeyCreatesOneReferral() {
        String prisonNumber = Identifiers.prisonNumber();
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        Map<String, Object> body = manual(prisonNumber, "FINANCE_AND_ID", "NMI", "MALE", "LOW");
        Http.Response first = http.post("/api/referrals", caseworker, body, key);
        Http.Response again = http.post("/api/referrals", caseworker, body, key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.field("id")).isEqualTo(first.field("id"));
        assertThat(http.get("/api/referrals?prisonNumber=" + prisonNumber, viewer).body().get("total").asInt())
                .isEqualTo(1);
    }

    @Test
    void aManualReferralForAKnownPrisonerJoinsTheirCaseOnTheWayToRelease() {
        String prisonNumber = Identifiers.prisonNumber();
        String caseId = UUID.randomUUID().toString();
        topics.send(Topics.RESETTLEMENT, prisonNumber, """
                {"caseId":"%s","prisonNumber":"%s","prisonCode":"NMI","receivedOn":"2026-11-20","sex":"MALE",
                 "riskOfSeriousHarm":"LOW","screeningDueBy":"2026-11-27"}
                """.formatted(caseId, prisonNumber), headers(UUID.randomUUID().toString(),
                "resettlement.prisoner.received", prisonNumber, "/schemas/resettlement.prisoner.received/v1.json"));
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/people/" + prisonNumber, viewer).status(),
                status -> status == 200);

        String id = manualReferral(prisonNumber, "ACCOMMODATION", "NMI", "MALE", "LOW");
        assertThat(http.get("/api/referrals/" + id, admin).field("caseId")).isEqualTo(caseId);
        String inHouse = Tokens.forProvider("IN_HOUSE_HOUSING");
        http.post("/api/referrals/" + id + "/acceptance", inHouse, Map.of());
        http.post("/api/referrals/" + id + "/outcome", inHouse, Map.of("outcome", "NOT_SECURED"));
        sendRelease(UUID.randomUUID().toString(), caseId, prisonNumber);

        JsonNode join = awaitJoin(caseId, j -> j.get("released").asBoolean() && j.get("accommodation").has("outcome"));
        assertThat(join.get("accommodation").get("referred").asBoolean()).isTrue();
        assertThat(join.get("accommodation").get("secured").asBoolean()).isFalse();
        assertThat(join.get("accommodation").get("provider").asString()).isEqualTo("IN_HOUSE_HOUSING");
        // no plan said accommodation was needed: a manual referral alone does not make it a planned need
        assertThat(join.get("accommodation").get("needed").asBoolean()).isFalse();
        assertThat(http.get("/api/releases/" + UUID.randomUUID(), viewer).status()).isEqualTo(404);
    }
}
