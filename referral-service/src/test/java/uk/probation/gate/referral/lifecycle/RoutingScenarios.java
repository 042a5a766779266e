package uk.probation.gate.referral.lifecycle;

import static uk.probation.gate.platform.test.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.probation.gate.contracts.Topics;
import uk.probation.gate.platform.test.Identifiers;
import uk.probation.gate.platform.test.Http;
import uk.probation.gate.platform.test.Tokens;
import uk.probation.gate.platform.test.TopicReader;

/**
 * A completed plan on the topic becomes routed referrals, revisions add and withdraw, the routing table is data an
 * admin changes, unreadable plans are dead-lettered.
 */
abstract class RoutingScenarios extends ReferralScenarioSupport {

    @Test
    void aCompletedPlanOnTheTopicBecomesOneRoutedReferralPerRequiredNeed() {
        String prisonNumber = Identifiers.prisonNumber();
        String caseId = UUID.randomUUID().toString();
        double unroutableBefore = counter("referral.referrals.unroutable", "need", "HEALTH");
        sendPlan(caseId, prisonNumber, prisonNumber, "FEMALE", 1, Map.of("ACCOMMODATION", "SUPPORT_REQUIRED",
                "EDUCATION_SKILLS_AND_WORK", "SUPPORT_REQUIRED", "ABUSE_VICTIM_SUPPORT", "SUPPORT_REQUIRED",
                "HEALTH", "SUPPORT_REQUIRED", "DRUGS_AND_ALCOHOL", "SUPPORT_NOT_REQUIRED", "FINANCE_AND_ID", "DONE"));

        List<TopicReader.Event> sent = topics.await(Topics.REFERRAL, about(prisonNumber, "referral.referral.sent"), 3);
        assertThat(sent).extracting(e -> e.data().get("need").asString() + "->" + e.data().get("providerCode")
                .asString()).containsExactlyInAnyOrder("ACCOMMODATION->IN_HOUSE_HOUSING",
                "EDUCATION_SKILLS_AND_WORK->INGEUS", "ABUSE_VICTIM_SUPPORT->NEW_DAWN_NEW_DAY");
        assertThat(sent).allSatisfy(e -> {
            assertThat(e.data().get("respondBy").asString()).isNotBlank();
            assertThat(e.data().get("caseId").asString()).isEqualTo(caseId);
            assertThat(e.header("ce_subject")).isEqualTo(prisonNumber);
            assertThat(e.header("ce_dataschema")).isEqualTo("/schemas/referral.referral.sent/v1.json");
        });
        List<TopicReader.Event> closed = topics.await(Topics.REFERRAL,
                about(prisonNumber, "referral.referral.closed"), 1);
        assertThat(closed.get(0).data().get("need").asString()).isEqualTo("HEALTH");
        assertThat(closed.get(0).data().get("reason").asString()).isEqualTo("UNROUTABLE");
        assertThat(topics.await(Topics.REFERRAL, about(prisonNumber, "referral.referral.created"), 4)).hasSize(4);

        Map<String, JsonNode> byNeed = referralsOfCase(caseId, 4);
        assertThat(byNeed.keySet()).containsExactlyInAnyOrder("ACCOMMODATION", "EDUCATION_SKILLS_AND_WORK",
                "ABUSE_VICTIM_SUPPORT", "HEALTH");
        assertThat(byNeed.get("ACCOMMODATION").get("status").asString()).isEqualTo("SENT");
        assertThat(byNeed.get("ACCOMMODATION").get("desiredOutcomes").toString())
                .isEqualTo("[\"ACCOMMODATION_ON_RELEASE\",\"TENANCY_SUSTAINED\"]");
        assertThat(byNeed.get("HEALTH").get("status").asString()).isEqualTo("UNROUTABLE");
        assertThat(byNeed.get("HEALTH").has("providerCode")).isFalse();
        // unroutable referrals are visible to ops, and counted
        Http.Response unroutable = http.get("/api/referrals?status=UNROUTABLE&need=HEALTH&size=200", viewer);
        assertThat(unroutable.body().get("items").findValuesAsString("id"))
                .contains(byNeed.get("HEALTH").get("id").asString());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> counter("referral.referrals.unroutable", "need", "HEALTH") - unroutableBefore == 1.0);
    }

    @Test
    void aRevisedPlanAddsNewNeedsWithdrawsOldOnesAndRepeatsOrOlderPlansChangeNothing() {
        String prisonNumber = Identifiers.prisonNumber();
        String caseId = UUID.randomUUID().toString();
        String v1Id = UUID.randomUUID().toString();
        Map<String, String> v1 = Map.of("ACCOMMODATION", "SUPPORT_REQUIRED", "EDUCATION_SKILLS_AND_WORK",
                "SUPPORT_REQUIRED", "FINANCE_AND_ID", "SUPPORT_NOT_REQUIRED");
        Map<String, String> v2 = Map.of("ACCOMMODATION", "SUPPORT_REQUIRED", "EDUCATION_SKILLS_AND_WORK", "DONE",
                "FINANCE_AND_ID", "SUPPORT_REQUIRED");
        sendPlan(v1Id, caseId, prisonNumber, prisonNumber, "MALE", 1, v1);
        referralsOfCase(caseId, 2);
        String v2Id = UUID.randomUUID().toString();
        sendPlan(v2Id, caseId, prisonNumber, prisonNumber, "MALE", 2, v2);
        sendPlan(v2Id, caseId, prisonNumber, prisonNumber, "MALE", 2, v2);
        sendPlan(v1Id, caseId, prisonNumber, prisonNumber, "MALE", 1, v1);
        sendPlan(caseId, prisonNumber, prisonNumber, "MALE", 1, v1);
        // a marker on the same key, so the same partition: once it is routed, everything before it was consumed
        String markerCase = UUID.randomUUID().toString();
        sendPlan(markerCase, Identifiers.prisonNumber(), prisonNumber, "MALE", 1, Map.of("FINANCE_AND_ID", "SUPPORT_REQUIRED"));
        referralsOfCase(markerCase, 1);

        Map<String, JsonNode> byNeed = referralsOfCase(caseId, 3);
        assertThat(byNeed).hasSize(3);
        assertThat(byNeed.get("ACCOMMODATION").get("status").asString()).isEqualTo("SENT");
        assertThat(byNeed.get("FINANCE_AND_ID").get("status").asString()).isEqualTo("SENT");
        assertThat(byNeed.get("FINANCE_AND_ID").get("providerCode").asString()).isEqualTo("ST_GILES_TRUST");
        assertThat(byNeed.get("EDUCATION_SKILLS_AND_WORK").get("status").asString()).isEqualTo("CLOSED");
        assertThat(byNeed.get("EDUCATION_SKILLS_AND_WORK").get("closedReason").asString()).isEqualTo("WITHDRAWN");
        List<TopicReader.Event> withdrawn = topics.await(Topics.REFERRAL,
                about(prisonNumber, "referral.referral.closed"), 1);
        assertThat(withdrawn).hasSize(1);
        assertThat(withdrawn.get(0).data().get("reason").asString()).isEqualTo("WITHDRAWN");
        assertThat(topics.await(Topics.REFERRAL, about(prisonNumber, "referral.referral.created")
                .and(e -> caseId.equals(e.data().get("caseId").asString())), 3)).hasSize(3);
    }

    // issue 11 item 7: closed stays closed
    @Test
    void anUnroutableReferralStaysClosedAndARevisedPlanStillNeedingItMakesANewReferralRoutedByTheCurrentTable() {
        String prisonNumber = Identifiers.prisonNumber();
        String caseId = UUID.randomUUID().toString();
        // no rule sends abuse-victim support for a man anywhere, nor health: both are unroutable
        sendPlanAt("RPX", UUID.randomUUID().toString(), caseId, prisonNumber, prisonNumber, "MALE", 1,
                Map.of("ABUSE_VICTIM_SUPPORT", "SUPPORT_REQUIRED", "HEALTH", "SUPPORT_REQUIRED"));
        Map<String, JsonNode> v1 = referralsOfCase(caseId, 2);
        String oldId = v1.get("ABUSE_VICTIM_SUPPORT").get("id").asString();
        String healthId = v1.get("HEALTH").get("id").asString();
        assertThat(v1.values()).extracting(r -> r.get("status").asString()).containsOnly("UNROUTABLE");
        assertThat(topics.await(Topics.REFERRAL, about(prisonNumber, "referral.referral.closed"), 2))
                .extracting(e -> e.data().get("reason").asString()).containsOnly("UNROUTABLE");
        List<Object> rules = new ArrayList<>(currentRules());
        rules.add(Map.of("need", "ABUSE_VICTIM_SUPPORT", "prisonCode", "RPX", "sex", "MALE",
                "providerCode", "WOMENS_WORK", "priority", 1, "responseDays", 5));
        assertThat(http.put("/api/routing-rules", admin, Map.of("rules", rules)).status()).isEqualTo(200);

        // still needs abuse-victim support, no longer health
        sendPlanAt("RPX", UUID.randomUUID().toString(), caseId, prisonNumber, prisonNumber, "MALE", 2,
                Map.of("ABUSE_VICTIM_SUPPORT", "SUPPORT_REQUIRED", "HEALTH", "SUPPORT_NOT_REQUIRED"));
        JsonNode items = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> http.get("/api/referrals?size=200&caseId=" + caseId, admin).body().get("items"),
                        found -> found.size() == 3);
        JsonNode fresh = null;
        for (JsonNode item : items) {
            if (!List.of(oldId, healthId).contains(item.get("id").asString())) {
                fresh = item;
            }
        }
        assertThat(fresh).isNotNull();
        assertThat(fresh.get("need").asString()).isEqualTo("ABUSE_VICTIM_SUPPORT");
        assertThat(fresh.get("status").asString()).isEqualTo("SENT");
        assertThat(fresh.get("providerCode").asString()).isEqualTo("WOMENS_WORK");
        // the old ones are as they were: never re-opened, never withdrawn (their closure was announced once)
        Http.Response old = http.get("/api/referrals/" + oldId, admin);
        assertThat(old.field("status")).isEqualTo("UNROUTABLE");
        assertThat(old.body().get("history").findValuesAsString("status")).containsExactly("CREATED", "UNROUTABLE");
        assertThat(http.get("/api/referrals/" + healthId, admin).field("status")).isEqualTo("UNROUTABLE");
        assertThat(topics.await(Topics.REFERRAL, about(prisonNumber, "referral.referral.sent"), 1))
                .extracting(e -> e.data().get("referralId").asString()).containsExactly(fresh.get("id").asString());
        // a marker on the same key: once it is routed, everything about this person before it was published
        String markerCase = UUID.randomUUID().toString();
        sendPlan(markerCase, Identifiers.prisonNumber(), prisonNumber, "MALE", 1,
                Map.of("FINANCE_AND_ID", "SUPPORT_REQUIRED"));
        referralsOfCase(markerCase, 1);
        assertThat(topics.await(Topics.REFERRAL, about(prisonNumber, "referral.referral.closed"), 2)).hasSize(2);

        // the last provider to decline cannot take it back: the referral is closed for good, and says so
        String womensWork = Tokens.forProvider("WOMENS_WORK");
        String freshId = fresh.get("id").asString();
        assertThat(http.post("/api/referrals/" + freshId + "/decline", womensWork, Map.of("reason", "NO_CAPACITY"))
                .status()).isEqualTo(200);
        assertThat(http.get("/api/referrals/" + freshId, admin).field("status")).isEqualTo("UNROUTABLE");
        for (String step : List.of("acceptance", "start", "closure")) {
            Http.Response refused = http.post("/api/referrals/" + freshId + "/" + step, womensWork, Map.of());
            assertProblem(refused, 409, "status");
            assertThat(refused.field("detail")).contains("UNROUTABLE");
        }
        assertProblem(http.post("/api/referrals/" + freshId + "/decline", womensWork, Map.of("reason", "OTHER")),
                409, "status");
        assertProblem(http.post("/api/referrals/" + freshId + "/outcome", womensWork, Map.of("outcome", "ACHIEVED")),
                409, "status");
        assertThat(http.get("/api/referrals/" + freshId, admin).body().get("history").findValuesAsString("status"))
                .containsExactly("CREATED", "SENT", "DECLINED", "UNROUTABLE");
    }

    @Test
    void theRoutingTableIsDataAnAdminChangesWithAnAuditTrailAndTheNextReferralFollowsIt() {
        assertThat(http.get("/api/routing-rules", viewer).status()).isEqualTo(200);
        assertThat(http.get("/api/routing-rules", Tokens.forProvider("INGEUS")).status()).isEqualTo(403);
        assertThat(http.get("/api/providers", Tokens.forProvider("INGEUS")).body().get("items")
                .findValuesAsString("code")).contains("INGEUS", "CHANGE_GROW_LIVE", "NEW_DAWN_NEW_DAY", "WOMENS_WORK",
                "NOTTINGHAM_WOMENS_CENTRE", "CHANGING_LIVES", "ST_GILES_TRUST", "SOVA", "USER_VOICE",
                "IN_HOUSE_HOUSING");
        JsonNode ingeus = http.get("/api/providers", viewer).body().get("items").get(0);
        assertThat(ingeus.get("code").asString()).isEqualTo("INGEUS");
        assertThat(ingeus.get("name").asString()).isEqualTo("Ingeus");
        assertThat(ingeus.get("needs").get(0).asString()).isEqualTo("EDUCATION_SKILLS_AND_WORK");
        List<Object> rules = currentRules();
        String before = manualReferral(Identifiers.prisonNumber(), "ABUSE_VICTIM_SUPPORT", "RTX", "MALE", "LOW");
        assertThat(http.get("/api/referrals/" + before, admin).field("status")).isEqualTo("UNROUTABLE");

        List<Object> unknownProvider = new ArrayList<>(rules);
        unknownProvider.add(Map.of("need", "HEALTH", "providerCode", "NHS_SOMEWHERE", "priority", 1,
                "responseDays", 5));
        assertProblem(http.put("/api/routing-rules", admin, Map.of("rules", unknownProvider)), 422,
                "rules[" + rules.size() + "].providerCode");
        // issue 11 item 8: a provider that does not meet the need is refused, naming the rule's provider
        List<Object> notMet = new ArrayList<>(rules);
        notMet.add(Map.of("need", "HEALTH", "prisonCode", "RTX", "providerCode", "CHANGE_GROW_LIVE", "priority", 1,
                "responseDays", 5));
        Http.Response refused = http.put("/api/routing-rules", admin, Map.of("rules", notMet));
        assertProblem(refused, 422, "rules[" + rules.size() + "].providerCode");
        assertThat(refused.field("detail")).contains("CHANGE_GROW_LIVE does not meet the need HEALTH");
        List<Object> noNeeds = new ArrayList<>(rules);
        noNeeds.add(Map.of("need", "FINANCE_AND_ID", "prisonCode", "RTX", "providerCode", "USER_VOICE",
                "priority", 1, "responseDays", 5));
        assertProblem(http.put("/api/routing-rules", admin, noNeeds), 422, "rules[" + rules.size() + "].providerCode");
        List<Object> overlapping = new ArrayList<>(rules);
        overlapping.add(Map.of("need", "ACCOMMODATION", "prisonCode", "NMI", "providerCode", "IN_HOUSE_HOUSING",
                "priority", 1, "responseDays", 5));
        assertProblem(http.put("/api/routing-rules", admin, Map.of("rules", overlapping)), 422,
                "rules[" + rules.size() + "].priority");
        List<Object> unknownNeed = new ArrayList<>(rules);
        unknownNeed.add(Map.of("need", "GARDENING", "providerCode", "SOVA", "priority", 1, "responseDays", 5));
        assertProblem(http.put("/api/routing-rules", admin, unknownNeed), 400, "rules[" + rules.size() + "].need");
        assertThat(http.put("/api/routing-rules", viewer, Map.of("rules", rules)).status()).isEqualTo(403);
        assertThat(currentRules()).isEqualTo(rules);

        List<Object> changed = new ArrayList<>(rules);
        changed.add(Map.of("need", "ABUSE_VICTIM_SUPPORT", "prisonCode", "RTX", "sex", "MALE",
                "providerCode", "NEW_DAWN_NEW_DAY", "priority", 1, "responseDays", 5));
        Http.Response saved = http.put("/api/routing-rules", admin, changed);
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.body().get("total").asInt()).isEqualTo(rules.size() + 1);

        String after = manualReferral(Identifiers.prisonNumber(), "ABUSE_VICTIM_SUPPORT", "RTX", "MALE", "LOW");
        assertThat(http.get("/api/referrals/" + after, admin).field("providerCode")).isEqualTo("NEW_DAWN_NEW_DAY");
        assertThat(http.get("/api/referrals/" + before, admin).field("status")).isEqualTo("UNROUTABLE");

        // an admin working from a table read before that change is refused, and nothing changes
        String etag = http.get("/api/routing-rules", admin).headers().firstValue("ETag").orElseThrow();
        long version = Long.parseLong(etag.replace("\"", ""));
        Http.Response stale = http.put("/api/routing-rules", admin, rules, "\"" + (version - 1) + "\"");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(currentRules()).hasSize(rules.size() + 1);

        JsonNode change = http.get("/api/routing-rules/changes", viewer).body().get("items").get(0);
        assertThat(change.get("changedBy").asString()).isEqualTo("test-admin");
        assertThat(change.get("changedAt").asString()).isNotBlank();
        assertThat(change.get("before").size()).isEqualTo(rules.size());
        assertThat(change.get("after").size()).isEqualTo(rules.size() + 1);
        assertThat(change.get("after").findValuesAsString("prisonCode")).contains("RTX");
        assertThat(change.get("before").findValuesAsString("prisonCode")).doesNotContain("RTX");
    }

    @Test
    void unreadablePlansAreDeadLetteredAtOnceAndTheNextPlanIsStillRouted() {
        String prisonNumber = Identifiers.prisonNumber();
        String caseId = UUID.randomUUID().toString();
        topics.send(Topics.RESETTLEMENT, prisonNumber, "{\"caseId\":\"" + caseId + "\",\"sex\":\"UNKNOWN\"}",
                headers(UUID.randomUUID().toString(), "resettlement.plan.completed", prisonNumber, PLAN_V1));
        topics.send(Topics.RESETTLEMENT, prisonNumber, "not json",
                headers(UUID.randomUUID().toString(), "resettlement.plan.completed", prisonNumber, PLAN_V1));
        sendPlan(caseId, prisonNumber, prisonNumber, "MALE", 1, Map.of("DRUGS_AND_ALCOHOL", "SUPPORT_REQUIRED",
                "GARDENING", "SUPPORT_REQUIRED"));

        Map<String, JsonNode> byNeed = referralsOfCase(caseId, 1);
        assertThat(byNeed.keySet()).containsExactly("DRUGS_AND_ALCOHOL");
        assertThat(byNeed.get("DRUGS_AND_ALCOHOL").get("providerCode").asString()).isEqualTo("CHANGE_GROW_LIVE");
        List<TopicReader.Event> dead = topics.await("referral-service.dlt", e -> prisonNumber.equals(e.key()), 2);
        assertThat(dead).hasSize(2).allSatisfy(e ->
                assertThat(e.header("x-original-topic")).isEqualTo(Topics.RESETTLEMENT));
    }
}
