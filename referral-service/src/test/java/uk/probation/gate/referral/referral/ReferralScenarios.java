package uk.probation.gate.referral.referral;

import static uk.probation.gate.platform.test.Problems.assertProblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import uk.probation.gate.contracts.Topics;
import uk.probation.gate.platform.test.Identifiers;
import uk.probation.gate.platform.test.AbandonedAttempts;
import uk.probation.gate.platform.test.Http;
import uk.probation.gate.platform.test.RunningService;
import uk.probation.gate.platform.test.Tokens;
import uk.probation.gate.platform.test.TopicReader;
import uk.probation.gate.referral.TestClock;

/**
 * Referrals end to end, against the embedded broker and Mongo wire server here and real Kafka and MongoDB images
 * where Docker exists: plans and releases go onto resettlement.events, people act through HTTP with real tokens,
 * and the scenarios read referral.events, the API and the metrics. Time is moved on with {@link TestClock}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "referral.escalation.interval=PT0.5S", "referral.escalation.grace=PT1H", "referral.metrics-refresh=PT0.5S"})
@AutoConfigureMetrics
@Import(TestClock.Config.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class ReferralScenarios extends RunningService {

    static final String PLAN_V1 = "/schemas/resettlement.plan.completed/v1.json";
    static final String RELEASED_V1 = "/schemas/resettlement.prisoner.released/v1.json";
    static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    @Autowired
    MeterRegistry meters;

    @Autowired
    TestClock clock;

    @Autowired
    Escalations escalations;

    final String admin = Tokens.forRole("ADMIN");
    final String viewer = Tokens.forRole("OPS_VIEWER");
    final String caseworker = Tokens.caseworkerAt("test-caseworker", "NMI");

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
    void aClosedReferralRefusesEveryStepNamingItsStatus() {
        String prisonNumber = Identifiers.prisonNumber();
        String id = manualReferral(prisonNumber, "FINANCE_AND_ID", "NMI", "MALE", "LOW");
        String stGiles = Tokens.forProvider("ST_GILES_TRUST");
        assertThat(http.post("/api/referrals/" + id + "/acceptance", stGiles, Map.of()).status()).isEqualTo(200);
        assertThat(http.post("/api/referrals/" + id + "/outcome", stGiles, Map.of("outcome", "ACHIEVED")).status())
                .isEqualTo(200);
        assertThat(http.post("/api/referrals/" + id + "/closure", stGiles, Map.of()).field("status"))
                .isEqualTo("CLOSED");
        for (String step : List.of("acceptance", "start", "closure")) {
            Http.Response refused = http.post("/api/referrals/" + id + "/" + step, stGiles, Map.of());
            assertProblem(refused, 409, "status");
            assertThat(refused.field("detail")).contains("CLOSED");
        }
        assertProblem(http.post("/api/referrals/" + id + "/decline", stGiles, Map.of("reason", "OTHER")), 409,
                "status");
        assertProblem(http.post("/api/referrals/" + id + "/outcome", stGiles, Map.of("outcome", "ACHIEVED")), 409,
                "status");
        Http.Response after = http.get("/api/referrals/" + id, admin);
        assertThat(after.field("status")).isEqualTo("CLOSED");
        assertThat(after.field("outcome")).isEqualTo("ACHIEVED");
        assertThat(after.body().get("hasEndOfServiceReport").asBoolean()).isFalse();
        assertProblem(http.get("/api/referrals/" + id + "/end-of-service-report", stGiles), 404, null);
        assertThat(topics.await(Topics.REFERRAL, about(prisonNumber, "referral.referral.closed"), 1)).hasSize(1);
    }

    @Test
    void aDeclinedReferralGoesToTheNextProviderByPriorityAndFinallyBecomesUnroutable() {
        String prisonNumber = Identifiers.prisonNumber();
        String id = manualReferral(prisonNumber, "ABUSE_VICTIM_SUPPORT", "FHI", "FEMALE", "LOW");
        assertThat(http.get("/api/referrals/" + id, admin).field("providerCode")).isEqualTo("NEW_DAWN_NEW_DAY");
        // the next provider cannot act before it has the referral
        assertThat(http.post("/api/referrals/" + id + "/decline", Tokens.forProvider("WOMENS_WORK"),
                Map.of("reason", "NO_CAPACITY")).status()).isEqualTo(404);
        double declinedBefore = counter("referral.referrals.declined", "provider", "NEW_DAWN_NEW_DAY");

        Http.Response decline = http.post("/api/referrals/" + id + "/decline",
                Tokens.forProvider("NEW_DAWN_NEW_DAY"), Map.of("reason", "NO_CAPACITY"));
        assertThat(decline.status()).isEqualTo(200);
        assertThat(decline.field("status")).isEqualTo("DECLINED");
        assertThat(decline.field("providerCode")).isEqualTo("NEW_DAWN_NEW_DAY");
        Http.Response rerouted = http.get("/api/referrals/" + id, admin);
        assertThat(rerouted.field("status")).isEqualTo("SENT");
        assertThat(rerouted.field("providerCode")).isEqualTo("WOMENS_WORK");
        assertThat(counter("referral.referrals.declined", "provider", "NEW_DAWN_NEW_DAY") - declinedBefore)
                .isEqualTo(1.0);
        assertThat(http.get("/api/referrals/" + id, Tokens.forProvider("NEW_DAWN_NEW_DAY")).status()).isEqualTo(404);
        assertThat(http.get("/api/referrals/" + id, Tokens.forProvider("WOMENS_WORK")).status()).isEqualTo(200);

        for (String provider : List.of("WOMENS_WORK", "NOTTINGHAM_WOMENS_CENTRE")) {
            assertThat(http.post("/api/referrals/" + id + "/decline", Tokens.forProvider(provider),
                    Map.of("reason", "no space this month")).status()).isEqualTo(200);
        }
        assertThat(http.post("/api/referrals/" + id + "/decline", Tokens.forProvider("CHANGING_LIVES"),
                Map.of("reason", "NOT_ELIGIBLE")).status()).isEqualTo(200);
        Http.Response last = http.get("/api/referrals/" + id, admin);
        assertThat(last.field("status")).isEqualTo("UNROUTABLE");
        assertThat(last.body().get("declines").findValuesAsString("providerCode")).containsExactly(
                "NEW_DAWN_NEW_DAY", "WOMENS_WORK", "NOTTINGHAM_WOMENS_CENTRE", "CHANGING_LIVES");

        List<TopicReader.Event> declined = topics.await(Topics.REFERRAL,
                about(prisonNumber, "referral.referral.declined"), 4);
        assertThat(declined).extracting(e -> e.data().get("providerCode").asString() + ":"
                + e.data().get("reason").asString() + ":" + e.data().get("unroutable").asBoolean())
                .containsExactly("NEW_DAWN_NEW_DAY:NO_CAPACITY:false", "WOMENS_WORK:OTHER:false",
                        "NOTTINGHAM_WOMENS_CENTRE:OTHER:false", "CHANGING_LIVES:NOT_ELIGIBLE:true");
        assertThat(topics.await(Topics.REFERRAL, about(prisonNumber, "referral.referral.sent"), 4))
                .extracting(e -> e.data().get("providerCode").asString())
                .containsExactly("NEW_DAWN_NEW_DAY", "WOMENS_WORK", "NOTTINGHAM_WOMENS_CENTRE", "CHANGING_LIVES");
    }

    @Test
    void providersSeeAndActOnOnlyTheirOwnReferralsThroughTheWholeLifecycle() {
        String prisonNumber = Identifiers.prisonNumber();
        String housing = manualReferral(prisonNumber, "ACCOMMODATION", "NMI", "MALE", "HIGH");
        String work = manualReferral(prisonNumber, "EDUCATION_SKILLS_AND_WORK", "NMI", "MALE", "HIGH");
        String ingeus = Tokens.forProvider("INGEUS");
        String inHouse = Tokens.forProvider("IN_HOUSE_HOUSING");

        List<String> ingeusSees = http.get("/api/referrals?size=200", ingeus).body().get("items")
                .findValuesAsString("id");
        assertThat(ingeusSees).contains(work).doesNotContain(housing);
        assertThat(http.get("/api/referrals?providerCode=IN_HOUSE_HOUSING", ingeus).body().get("total").asInt())
                .isZero();
        assertThat(http.get("/api/referrals?size=200", inHouse).body().get("items").findValuesAsString("providerCode"))
                .containsOnly("IN_HOUSE_HOUSING");
        assertThat(http.get("/api/referrals/" + housing, ingeus).status()).isEqualTo(404);
        Http.Response notTheirs = http.post("/api/referrals/" + housing + "/acceptance", ingeus, Map.of());
        assertThat(notTheirs.status()).isEqualTo(404);
        assertThat(notTheirs.contentType()).startsWith("application/problem+json");
        // a caseworker at another prison sees none of them, nor does an officer token without an officer code
        assertThat(http.get("/api/referrals?prisonNumber=" + prisonNumber, Tokens.caseworkerAt("cw-lci", "LCI"))
                .body().get("total").asInt()).isZero();
        Http.Response noOfficer = http.get("/api/referrals", Tokens.forRole("RESPONSIBLE_OFFICER"));
        assertThat(noOfficer.status()).isEqualTo(200);
        assertThat(noOfficer.body().get("total").asInt()).isZero();
        assertThat(http.post("/api/referrals/" + housing + "/acceptance", admin, Map.of()).status()).isEqualTo(403);

        long acceptedBefore = timeToAccept("ACCOMMODATION", "IN_HOUSE_HOUSING");
        Http.Response accepted = http.post("/api/referrals/" + housing + "/acceptance", inHouse, Map.of());
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.field("status")).isEqualTo("ACCEPTED");
        assertThat(timeToAccept("ACCOMMODATION", "IN_HOUSE_HOUSING") - acceptedBefore).isEqualTo(1);
        Http.Response again = http.post("/api/referrals/" + housing + "/acceptance", inHouse, Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");

        Http.Response wrongOutcome = http.post("/api/referrals/" + housing + "/outcome", inHouse,
                Map.of("outcome", "EMPLOYMENT_SECURED"));
        assertThat(wrongOutcome.status()).isEqualTo(422);
        assertThat(wrongOutcome.body().get("errors").findValuesAsString("field")).contains("outcome");
        assertThat(http.get("/api/referrals/" + housing, inHouse).field("status")).isEqualTo("ACCEPTED");
        assertThat(http.post("/api/referrals/" + work + "/outcome", ingeus, Map.of("outcome", "EMPLOYMENT_SECURED"))
                .status()).isEqualTo(409);

        assertThat(http.post("/api/referrals/" + housing + "/start", inHouse, Map.of()).field("status"))
                .isEqualTo("IN_PROGRESS");
        Http.Response outcome = http.post("/api/referrals/" + housing + "/outcome", inHouse,
                Map.of("outcome", "TEMPORARY_ACCOMMODATION_SECURED"));
        assertThat(outcome.field("status")).isEqualTo("OUTCOME_RECORDED");
        assertThat(http.post("/api/referrals/" + housing + "/closure", inHouse, Map.of()).field("status"))
                .isEqualTo("CLOSED");

        assertThat(topics.await(Topics.REFERRAL, e -> prisonNumber.equals(e.key())
                && housing.equals(e.data().get("referralId").asString()), 6))
                .extracting(e -> e.header("ce_type")).containsExactly("referral.referral.created",
                        "referral.referral.sent", "referral.referral.accepted", "referral.referral.started",
                        "referral.outcome.recorded", "referral.referral.closed");
        assertThat(counter("referral.outcomes", "outcome", "TEMPORARY_ACCOMMODATION_SECURED")).isGreaterThanOrEqualTo(1);
    }

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

    // each escalation scenario has a first provider of its own, so the overdue counts are its own whatever ran before
    @Test
    void aReferralNobodyAnswersInTimeEscalatesToTheNextProviderAndIsCounted() {
        List<Object> rules = new ArrayList<>(currentRules());
        rules.add(Map.of("need", "ABUSE_VICTIM_SUPPORT", "prisonCode", "ESC", "sex", "MALE",
                "providerCode", "WOMENS_WORK", "priority", 1, "responseDays", 0));
        rules.add(Map.of("need", "ABUSE_VICTIM_SUPPORT", "prisonCode", "ESC", "sex", "MALE",
                "providerCode", "CHANGING_LIVES", "priority", 2, "responseDays", 0));
        assertThat(http.put("/api/routing-rules", admin, Map.of("rules", rules)).status()).isEqualTo(200);
        String prisonNumber = Identifiers.prisonNumber();
        String id = manualReferral(prisonNumber, "ABUSE_VICTIM_SUPPORT", "ESC", "MALE", "LOW");
        String respondBy = http.get("/api/referrals/" + id, admin).field("respondBy");
        assertThat(respondBy).isNotBlank();
        double overdueBefore = overdue("ABUSE_VICTIM_SUPPORT", "WOMENS_WORK");

        clock.advance(Duration.ofDays(2));
        Http.Response escalated = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> http.get("/api/referrals/" + id, admin),
                        r -> "CHANGING_LIVES".equals(r.field("providerCode")));
        assertThat(escalated.field("status")).isEqualTo("SENT");
        assertThat(escalated.field("respondBy")).isGreaterThan(respondBy);
        assertThat(escalated.body().get("declines").get(0).get("reason").asString())
                .isEqualTo("NO_RESPONSE_BY_DEADLINE");
        // the history says the service, not a person, moved it on
        JsonNode history = escalated.body().get("history");
        assertThat(history.findValuesAsString("status")).containsExactly("CREATED", "SENT", "DECLINED", "SENT");
        assertThat(history.get(2).get("by").asString()).isEqualTo("system");
        assertThat(history.get(2).get("providerCode").asString()).isEqualTo("WOMENS_WORK");
        assertThat(history.get(2).get("reason").asString()).isEqualTo("NO_RESPONSE_BY_DEADLINE");
        assertThat(history.get(3).get("by").asString()).isEqualTo("system");
        assertThat(history.get(3).get("providerCode").asString()).isEqualTo("CHANGING_LIVES");
        assertThat(escalated.body().get("escalations").get(0).get("stage").asString()).isEqualTo("RESPONSE");
        assertThat(escalated.body().get("escalations").get(0).get("dueBy").asString()).isEqualTo(respondBy);
        TopicReader.Event announced = topics.await(Topics.REFERRAL, about(prisonNumber,
                "referral.referral.escalated"), 1).get(0);
        assertThat(announced.data().get("stage").asString()).isEqualTo("RESPONSE");
        assertThat(announced.data().get("providerCode").asString()).isEqualTo("WOMENS_WORK");
        await().atMost(Duration.ofSeconds(10)).until(
                () -> overdue("ABUSE_VICTIM_SUPPORT", "WOMENS_WORK") - overdueBefore == 1.0);
        TopicReader.Event declined = topics.await(Topics.REFERRAL, about(prisonNumber, "referral.referral.declined"),
                1).get(0);
        assertThat(declined.data().get("reason").asString()).isEqualTo("NO_RESPONSE_BY_DEADLINE");
        assertThat(declined.data().get("unroutable").asBoolean()).isFalse();

        clock.advance(Duration.ofDays(2));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> http.get("/api/referrals/" + id, admin).field("status"), "UNROUTABLE"::equals);
        assertThat(topics.await(Topics.REFERRAL, about(prisonNumber, "referral.referral.declined"), 2).get(1)
                .data().get("unroutable").asBoolean()).isTrue();
    }

    // issue 11: timers at every stage; both referrals are made overdue by one move of the clock
    @Test
    void aLateStartAndALateOutcomeAreEachEscalatedOnceAnnouncedAndCountedWhileTheProviderKeepsTheReferral() {
        List<Object> rules = new ArrayList<>(currentRules());
        rules.add(Map.of("need", "ABUSE_VICTIM_SUPPORT", "prisonCode", "STG", "sex", "MALE",
                "providerCode", "CHANGING_LIVES", "priority", 1, "responseDays", 5, "startDays", 0,
                "outcomeDays", 0));
        assertThat(http.put("/api/routing-rules", admin, Map.of("rules", rules)).status()).isEqualTo(200);
        String notStarted = manualReferral(Identifiers.prisonNumber(), "ABUSE_VICTIM_SUPPORT", "STG", "MALE", "LOW");
        String noOutcome = manualReferral(Identifiers.prisonNumber(), "ABUSE_VICTIM_SUPPORT", "STG", "MALE", "LOW");
        String changingLives = Tokens.forProvider("CHANGING_LIVES");
        String today = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC).toString();
        Http.Response accepted = http.post("/api/referrals/" + notStarted + "/acceptance", changingLives, Map.of());
        assertThat(accepted.field("startBy")).isEqualTo(today);
        assertThat(accepted.body().get("overdue").asBoolean()).isFalse();
        assertThat(http.post("/api/referrals/" + noOutcome + "/acceptance", changingLives, Map.of()).status())
                .isEqualTo(200);
        Http.Response started = http.post("/api/referrals/" + noOutcome + "/start", changingLives, Map.of());
        assertThat(started.field("outcomeBy")).isEqualTo(today);
        assertThat(topics.await(Topics.REFERRAL, e -> notStarted.equals(e.data().get("referralId").asString())
                && "referral.referral.accepted".equals(e.header("ce_type")), 1).get(0).data().get("startBy")
                .asString()).isEqualTo(today);
        assertThat(topics.await(Topics.REFERRAL, e -> noOutcome.equals(e.data().get("referralId").asString())
                && "referral.referral.started".equals(e.header("ce_type")), 1).get(0).data().get("outcomeBy")
                .asString()).isEqualTo(today);
        assertThat(management.metrics()).contains("referral_time_to_start_seconds_bucket{");
        double startBefore = escalations("START", "CHANGING_LIVES");
        double outcomeBefore = escalations("OUTCOME", "CHANGING_LIVES");

        clock.advance(Duration.ofDays(2));
        Http.Response late = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> http.get("/api/referrals/" + notStarted, admin),
                        r -> r.body().get("escalations").size() == 1);
        assertThat(late.field("status")).isEqualTo("ACCEPTED");
        assertThat(late.field("providerCode")).isEqualTo("CHANGING_LIVES");
        assertThat(late.body().get("overdue").asBoolean()).isTrue();
        assertThat(late.body().get("escalations").get(0).get("stage").asString()).isEqualTo("START");
        assertThat(late.body().get("escalations").get(0).get("dueBy").asString()).isEqualTo(today);
        Http.Response lateOutcome = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> http.get("/api/referrals/" + noOutcome, admin),
                        r -> r.body().get("escalations").size() == 1);
        assertThat(lateOutcome.field("status")).isEqualTo("IN_PROGRESS");
        assertThat(lateOutcome.body().get("escalations").get(0).get("stage").asString()).isEqualTo("OUTCOME");
        assertThat(ids(http.get("/api/referrals?overdue=true&size=200", admin))).contains(notStarted, noOutcome);
        assertThat(ids(http.get("/api/referrals?overdue=true&size=200", changingLives)))
                .contains(notStarted, noOutcome);
        TopicReader.Event escalated = topics.await(Topics.REFERRAL, e -> notStarted.equals(
                e.data().get("referralId").asString()) && "referral.referral.escalated".equals(e.header("ce_type")),
                1).get(0);
        assertThat(escalated.data().get("stage").asString()).isEqualTo("START");
        assertThat(escalated.data().get("dueBy").asString()).isEqualTo(today);
        assertThat(escalated.data().get("providerCode").asString()).isEqualTo("CHANGING_LIVES");
        // several escalation runs later, each stage was escalated once
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> true);
        assertThat(http.get("/api/referrals/" + notStarted, admin).body().get("escalations").size()).isEqualTo(1);
        assertThat(http.get("/api/referrals/" + noOutcome, admin).body().get("escalations").size()).isEqualTo(1);
        assertThat(escalations("START", "CHANGING_LIVES") - startBefore).isEqualTo(1.0);
        assertThat(escalations("OUTCOME", "CHANGING_LIVES") - outcomeBefore).isEqualTo(1.0);
        assertThat(management.metrics()).contains("referral_escalations_total{");
        // starting late ends the START stage: no longer overdue
        Http.Response startedLate = http.post("/api/referrals/" + notStarted + "/start", changingLives, Map.of());
        assertThat(startedLate.field("status")).isEqualTo("IN_PROGRESS");
        assertThat(startedLate.body().get("overdue").asBoolean()).isFalse();
    }

    // issue 11: the end-of-service report
    @Test
    void aProviderClosesWithAnEndOfServiceReportReadByTheCaseworkerAndTheOfficerButNotOthers() {
        String prisonNumber = Identifiers.prisonNumber();
        Map<String, Object> body = new LinkedHashMap<>(manual(prisonNumber, "FINANCE_AND_ID", "NMI", "MALE", "LOW"));
        body.put("responsibleOfficerCode", "N01RO1");
        body.put("desiredOutcomes", List.of("bank account"));
        Http.Response badCode = http.post("/api/referrals", caseworker, body);
        assertThat(badCode.status()).isEqualTo(400);
        assertThat(badCode.body().get("errors").findValuesAsString("field")).anyMatch(f -> f.startsWith("desiredOutcomes"));
        body.put("desiredOutcomes", List.of("BANK_ACCOUNT_OPENED", "ID_OBTAINED"));
        Http.Response created = http.post("/api/referrals", caseworker, body);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("desiredOutcomes").get(1).asString()).isEqualTo("ID_OBTAINED");
        assertThat(created.body().get("hasEndOfServiceReport").asBoolean()).isFalse();
        String id = created.field("id");
        String stGiles = Tokens.forProvider("ST_GILES_TRUST");
        http.post("/api/referrals/" + id + "/acceptance", stGiles, Map.of());
        http.post("/api/referrals/" + id + "/outcome", stGiles, Map.of("outcome", "PARTIALLY_ACHIEVED"));
        assertProblem(http.get("/api/referrals/" + id + "/end-of-service-report", stGiles), 404, null);

        Map<String, Object> bank = Map.of("desiredOutcome", "BANK_ACCOUNT_OPENED", "achieved", "ACHIEVED",
                "note", "Basic account opened with the branch");
        Map<String, Object> id1 = Map.of("desiredOutcome", "ID_OBTAINED", "achieved", "NOT_ACHIEVED",
                "note", "Birth certificate still awaited");
        assertProblem(http.post("/api/referrals/" + id + "/closure", stGiles, Map.of("endOfServiceReport",
                Map.of("achievements", List.of(bank), "summary", "Half done"))), 422,
                "endOfServiceReport.achievements[ID_OBTAINED]");
        assertProblem(http.post("/api/referrals/" + id + "/closure", stGiles, Map.of("endOfServiceReport",
                Map.of("achievements", List.of(bank, id1, Map.of("desiredOutcome", "GARDENING", "achieved",
                        "ACHIEVED")), "summary", "Half done"))), 422, "endOfServiceReport.achievements[GARDENING]");
        assertProblem(http.post("/api/referrals/" + id + "/closure", stGiles, Map.of("endOfServiceReport",
                Map.of("achievements", List.of(bank, id1, bank)))), 422,
                "endOfServiceReport.achievements[BANK_ACCOUNT_OPENED]");
        assertThat(http.get("/api/referrals/" + id, admin).field("status")).isEqualTo("OUTCOME_RECORDED");

        Http.Response closed = http.post("/api/referrals/" + id + "/closure", stGiles, Map.of("endOfServiceReport",
                Map.of("achievements", List.of(id1, bank), "summary", "Account open; ID to follow via the officer")));
        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.field("status")).isEqualTo("CLOSED");
        assertThat(closed.body().get("hasEndOfServiceReport").asBoolean()).isTrue();
        TopicReader.Event event = topics.await(Topics.REFERRAL, about(prisonNumber, "referral.referral.closed"), 1)
                .get(0);
        assertThat(event.data().get("endOfServiceReport").asBoolean()).isTrue();
        assertThat(event.data().toString()).doesNotContain("Birth certificate", "Account open");

        Http.Response report = http.get("/api/referrals/" + id + "/end-of-service-report", stGiles);
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.field("recordedBy")).isEqualTo("test-provider");
        assertThat(report.field("recordedAt")).isNotBlank();
        assertThat(report.field("summary")).isEqualTo("Account open; ID to follow via the officer");
        assertThat(report.body().get("achievements")).extracting(a -> a.get("desiredOutcome").asString() + ":"
                + a.get("achieved").asString()).containsExactly("ID_OBTAINED:NOT_ACHIEVED",
                "BANK_ACCOUNT_OPENED:ACHIEVED");
        assertThat(http.get("/api/referrals/" + id + "/end-of-service-report", caseworker).status()).isEqualTo(200);
        assertThat(http.get("/api/referrals/" + id + "/end-of-service-report", admin).status()).isEqualTo(200);
        String officer = Tokens.forUser("ro-1", "RESPONSIBLE_OFFICER", Map.of("officer", "N01RO1"));
        Http.Response officerReads = http.get("/api/referrals/" + id + "/end-of-service-report", officer);
        assertThat(officerReads.status()).isEqualTo(200);
        assertThat(officerReads.body().get("achievements").get(0).get("note").asString())
                .isEqualTo("Birth certificate still awaited");
        Http.Response ops = http.get("/api/referrals/" + id + "/end-of-service-report", viewer);
        assertThat(ops.status()).isEqualTo(200);
        assertThat(ops.body().has("summary")).isFalse();
        assertThat(ops.body().get("achievements").get(0).has("note")).isFalse();
        assertThat(ops.body().get("achievements").get(0).get("achieved").asString()).isEqualTo("NOT_ACHIEVED");
        for (String outsider : List.of(Tokens.forUser("ro-2", "RESPONSIBLE_OFFICER", Map.of("officer", "N02RO7")),
                Tokens.forRole("RESPONSIBLE_OFFICER"), Tokens.caseworkerAt("cw-lci", "LCI"),
                Tokens.forProvider("INGEUS"))) {
            assertProblem(http.get("/api/referrals/" + id + "/end-of-service-report", outsider), 404, null);
        }
        // the officer reads the referral itself and finds it among their people's referrals; no other officer does
        assertThat(http.get("/api/referrals/" + id, officer).status()).isEqualTo(200);
        JsonNode theirs = http.get("/api/referrals?size=200", officer).body();
        assertThat(theirs.get("items").findValuesAsString("id")).contains(id);
        assertThat(theirs.get("items").findValuesAsString("responsibleOfficerCode")).containsOnly("N01RO1");
        String otherOfficer = Tokens.forUser("ro-2", "RESPONSIBLE_OFFICER", Map.of("officer", "N02RO7"));
        assertProblem(http.get("/api/referrals/" + id, otherOfficer), 404, null);
        assertThat(http.get("/api/referrals?size=200", otherOfficer).body().get("items").findValuesAsString("id"))
                .doesNotContain(id);
    }

    // issue 11: provider performance; Sova (family support for men) has no other scenario's referrals here
    @Test
    void opsSeeEachProvidersPerformanceOverAPeriodAndBadRangesAreRefusedNamingTheField() {
        JsonNode before = sova(http.get("/api/provider-performance?providerCode=SOVA", viewer));
        String worked = manualReferral(Identifiers.prisonNumber(), "CHILDREN_FAMILIES_AND_COMMUNITY", "NMI", "MALE",
                "LOW");
        String declined = manualReferral(Identifiers.prisonNumber(), "CHILDREN_FAMILIES_AND_COMMUNITY", "NMI", "MALE",
                "LOW");
        String sovaToken = Tokens.forProvider("SOVA");
        assertThat(http.post("/api/referrals/" + worked + "/acceptance", sovaToken, Map.of()).status()).isEqualTo(200);
        assertThat(http.post("/api/referrals/" + worked + "/start", sovaToken, Map.of()).status()).isEqualTo(200);
        assertThat(http.post("/api/referrals/" + worked + "/outcome", sovaToken, Map.of("outcome", "ACHIEVED"))
                .status()).isEqualTo(200);
        assertThat(http.post("/api/referrals/" + declined + "/decline", sovaToken, Map.of("reason", "NO_CAPACITY"))
                .status()).isEqualTo(200);

        Http.Response all = http.get("/api/provider-performance", viewer);
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.body().get("total").asInt()).isEqualTo(10);
        assertThat(all.body().get("items").findValuesAsString("providerCode")).contains("INGEUS", "SOVA",
                "USER_VOICE", "IN_HOUSE_HOUSING");
        JsonNode after = sova(http.get("/api/provider-performance?providerCode=SOVA", admin));
        assertThat(after.get("providerName").asString()).isEqualTo("Sova");
        assertThat(after.get("referralsReceived").asLong() - before.get("referralsReceived").asLong()).isEqualTo(2);
        assertThat(after.get("accepted").asLong() - before.get("accepted").asLong()).isEqualTo(1);
        assertThat(after.get("declined").asLong() - before.get("declined").asLong()).isEqualTo(1);
        assertThat(after.get("escalations").asLong() - before.get("escalations").asLong()).isZero();
        assertThat(after.get("medianDaysToAccept").asDouble()).isGreaterThanOrEqualTo(0.0);
        assertThat(after.get("medianDaysToStart").asDouble()).isGreaterThanOrEqualTo(0.0);
        assertThat(achieved(after) - achieved(before)).isEqualTo(1);
        // nothing happened in another period
        JsonNode longAgo = sova(http.get("/api/provider-performance?providerCode=SOVA&from=2020-01-01&to=2020-12-31",
                viewer));
        assertThat(longAgo.get("referralsReceived").asLong()).isZero();
        assertThat(longAgo.has("medianDaysToAccept")).isFalse();
        assertThat(longAgo.get("outcomes").size()).isZero();

        assertProblem(http.get("/api/provider-performance?from=2026-13-01", viewer), 422, "from");
        assertProblem(http.get("/api/provider-performance?to=yesterday", viewer), 422, "to");
        assertProblem(http.get("/api/provider-performance?from=2026-06-01&to=2026-05-01", viewer), 422, "from");
        assertProblem(http.get("/api/provider-performance?from=2024-01-01&to=2026-01-01", viewer), 422, "to");
        assertProblem(http.get("/api/provider-performance?providerCode=NOBODY", viewer), 422, "providerCode");
        assertThat(http.get("/api/provider-performance", sovaToken).status()).isEqualTo(403);
        assertThat(http.get("/api/provider-performance", caseworker).status()).isEqualTo(403);
        assertThat(management.metrics()).contains("referral_referrals_declined_total{", "referral_outcomes_total{",
                "referral_time_to_start_seconds_bucket{");
    }

    private static JsonNode sova(Http.Response response) {
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().get("items").size()).isEqualTo(1);
        JsonNode item = response.body().get("items").get(0);
        assertThat(item.get("providerCode").asString()).isEqualTo("SOVA");
        return item;
    }

    private static long achieved(JsonNode item) {
        long count = 0;
        for (JsonNode o : item.get("outcomes")) {
            if ("CHILDREN_FAMILIES_AND_COMMUNITY".equals(o.get("need").asString())
                    && "ACHIEVED".equals(o.get("outcome").asString())) {
                count += o.get("count").asLong();
            }
        }
        return count;
    }

    /**
     * Two instances, one broker and store (issue 13): the escalation job runs on one at a time (a JobLease). While
     * another holder has the lease neither instance escalates anything; once it is free, the job triggered on both
     * at once escalates each overdue referral once: one decline, one referral.referral.escalated event, counted once.
     */
    @Test
    void twoInstancesOnOneBrokerAndStoreEscalateEachOverdueReferralOnceAndCountItOnce() throws Exception {
        List<Object> rules = new ArrayList<>(currentRules());
        rules.add(Map.of("need", "ABUSE_VICTIM_SUPPORT", "prisonCode", "DUO", "sex", "MALE",
                "providerCode", "NOTTINGHAM_WOMENS_CENTRE", "priority", 1, "responseDays", 0));
        rules.add(Map.of("need", "ABUSE_VICTIM_SUPPORT", "prisonCode", "DUO", "sex", "MALE",
                "providerCode", "NEW_DAWN_NEW_DAY", "priority", 2, "responseDays", 5));
        assertThat(http.put("/api/routing-rules", admin, Map.of("rules", rules)).status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        List<String> prisonNumbers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            prisonNumbers.add(Identifiers.prisonNumber());
            ids.add(manualReferral(prisonNumbers.get(i), "ABUSE_VICTIM_SUPPORT", "DUO", "MALE", "LOW"));
        }
        double overdueBefore = overdue("ABUSE_VICTIM_SUPPORT", "NOTTINGHAM_WOMENS_CENTRE");

        try (ConfigurableApplicationContext second = secondInstance()) {
            MeterRegistry secondMeters = second.getBean(MeterRegistry.class);
            Escalations first = escalations;
            Escalations other = second.getBean(Escalations.class);
            // a third holder (an instance in the middle of a run) has the lease: nobody else escalates meanwhile
            uk.probation.gate.platform.lease.JobLease elsewhere = new uk.probation.gate.platform.lease.JobLease(
                    second.getBean(org.springframework.data.mongodb.core.MongoTemplate.class), clock);
            // (held across the move of the shared clock, so for longer than that)
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .until(() -> elsewhere.tryAcquire(Escalations.LEASE, Duration.ofDays(3)));
            try {
                clock.advance(Duration.ofDays(2));
                assertThat(first.runOnce()).isEqualTo(-1);
                assertThat(other.runOnce()).isEqualTo(-1);
                Thread.sleep(1200); // both schedules (every 0.5 s) ran meanwhile and skipped too
                for (String id : ids) {
                    assertThat(http.get("/api/referrals/" + id, admin).field("providerCode"))
                            .isEqualTo("NOTTINGHAM_WOMENS_CENTRE");
                }
            } finally {
                elsewhere.release(Escalations.LEASE);
            }

            // triggered on both at once (their schedules keep running too): each referral escalated once
            java.util.concurrent.CompletableFuture<Integer> onFirst =
                    java.util.concurrent.CompletableFuture.supplyAsync(first::runOnce);
            java.util.concurrent.CompletableFuture<Integer> onOther =
                    java.util.concurrent.CompletableFuture.supplyAsync(other::runOnce);
            assertThat(onFirst.get()).isGreaterThanOrEqualTo(-1);
            assertThat(onOther.get()).isGreaterThanOrEqualTo(-1);
            for (String id : ids) {
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                        .until(() -> http.get("/api/referrals/" + id, admin).field("providerCode"),
                                "NEW_DAWN_NEW_DAY"::equals);
            }
            for (String id : ids) {
                Http.Response escalated = http.get("/api/referrals/" + id, admin);
                assertThat(escalated.field("status")).isEqualTo("SENT");
                assertThat(escalated.body().get("declines").size()).isEqualTo(1);
                assertThat(escalated.body().get("escalations").size()).isEqualTo(1);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> overdue("ABUSE_VICTIM_SUPPORT",
                    "NOTTINGHAM_WOMENS_CENTRE") - overdueBefore + secondMeters.find("referral.responses.overdue")
                    .tag("need", "ABUSE_VICTIM_SUPPORT").tag("provider", "NOTTINGHAM_WOMENS_CENTRE").counters()
                    .stream().mapToDouble(c -> c.count()).sum(), total -> total == 6.0);
            // one referral.referral.escalated each, and nothing more once a marker published after them is there
            for (String prisonNumber : prisonNumbers) {
                topics.await(Topics.REFERRAL, about(prisonNumber, "referral.referral.escalated"), 1);
            }
            String marker = Identifiers.prisonNumber();
            manualReferral(marker, "ABUSE_VICTIM_SUPPORT", "DUO", "MALE", "LOW");
            topics.await(Topics.REFERRAL, about(marker, "referral.referral.sent"), 1);
            List<TopicReader.Event> all = topics.all(Topics.REFERRAL);
            for (String prisonNumber : prisonNumbers) {
                assertThat(all.stream().filter(about(prisonNumber, "referral.referral.escalated"))).hasSize(1);
            }
        }
    }

    /** The same service a second time, on the same broker, store and (shared) clock, in the same consumer group. */
    private ConfigurableApplicationContext secondInstance() {
        return new SpringApplicationBuilder(uk.probation.gate.referral.ReferralApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("clock", clock))
                .run(anotherInstance(List.of(), "referral.escalation.interval", "referral.escalation.grace",
                        "referral.metrics-refresh"));
    }

    @Test
    void eachReleaseKnowsWhatWasNeededReferredAcceptedAndSecuredWhicheverArrivesFirst() {
        String outcomesFirst = UUID.randomUUID().toString();
        String releaseFirst = UUID.randomUUID().toString();
        String p1 = Identifiers.prisonNumber();
        String p2 = Identifiers.prisonNumber();
        double securedBefore = gauge("ACCOMMODATION", "SECURED");
        Map<String, String> needs = Map.of("ACCOMMODATION", "SUPPORT_REQUIRED", "EDUCATION_SKILLS_AND_WORK",
                "SUPPORT_REQUIRED");

        // in order: plan, referrals worked, then the release
        sendPlan(outcomesFirst, p1, p1, "MALE", 1, needs);
        workReferrals(outcomesFirst);
        awaitJoin(outcomesFirst, j -> j.get("accommodation").has("outcome") && j.get("ete").has("outcome"));
        String releasedId = UUID.randomUUID().toString();
        sendRelease(releasedId, outcomesFirst, p1);
        sendRelease(releasedId, outcomesFirst, p1);

        // the other way round: released first, the referral outcomes arrive afterwards
        String planId = UUID.randomUUID().toString();
        sendPlan(planId, releaseFirst, p2, p2, "MALE", 1, needs);
        sendRelease(UUID.randomUUID().toString(), releaseFirst, p2);
        awaitJoin(releaseFirst, j -> j.get("released").asBoolean());
        workReferrals(releaseFirst);

        JsonNode first = awaitJoin(outcomesFirst, j -> j.get("released").asBoolean());
        JsonNode second = awaitJoin(releaseFirst, j -> j.get("accommodation").has("outcome")
                && j.get("ete").has("outcome"));
        for (JsonNode join : List.of(first, second)) {
            assertThat(join.get("accommodation").get("needed").asBoolean()).isTrue();
            assertThat(join.get("accommodation").get("referred").asBoolean()).isTrue();
            assertThat(join.get("accommodation").get("accepted").asBoolean()).isTrue();
            assertThat(join.get("accommodation").get("outcome").asString()).isEqualTo("SETTLED_ACCOMMODATION_SECURED");
            assertThat(join.get("accommodation").get("secured").asBoolean()).isTrue();
            assertThat(join.get("accommodation").get("onRelease").asString()).isEqualTo("SETTLED");
            assertThat(join.get("ete").get("outcome").asString()).isEqualTo("NOT_SECURED");
            assertThat(join.get("ete").get("secured").asBoolean()).isFalse();
            assertThat(join.get("ete").get("onRelease").asString()).isEqualTo("NONE");
            assertThat(join.get("releasedOn").asString()).isEqualTo("2027-02-01");
        }
        assertThat(withoutIdentity(first)).isEqualTo(withoutIdentity(second));
        assertThat(http.get("/api/releases?size=200", viewer).body().get("items").findValuesAsString("caseId"))
                .contains(outcomesFirst, releaseFirst);
        assertThat(http.get("/api/releases/" + releaseFirst, caseworker).status()).isEqualTo(403);
        await().atMost(Duration.ofSeconds(30)).until(() -> gauge("ACCOMMODATION", "SECURED") - securedBefore >= 2);
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

    /**
     * An instance killed after storing a provider's answer but before answering (issue 13's fault run found it):
     * the retry with the same Idempotency-Key takes the abandoned key over and gets the referral as it stands, not
     * a 409 for a change it made itself; each change happened once. Another key asking the same is still refused.
     */
    @Test
    void aProvidersAnswerStoredByAnAttemptKilledBeforeAnsweringIsAnsweredOnRetryNotRefused() {
        String prisonNumber = Identifiers.prisonNumber();
        String id = manualReferral(prisonNumber, "FINANCE_AND_ID", "NMI", "MALE", "LOW");
        String declinedPrisonNumber = Identifiers.prisonNumber();
        String declined = manualReferral(declinedPrisonNumber, "FINANCE_AND_ID", "NMI", "MALE", "LOW");
        String stGiles = Tokens.forProvider("ST_GILES_TRUST");
        com.mongodb.client.MongoCollection<org.bson.Document> keys = mongo.getCollection("idempotency_keys");
        Map<String, String> accept = Map.of("Idempotency-Key", "accept-" + id);
        Map<String, String> outcome = Map.of("Idempotency-Key", "outcome-" + id);
        Map<String, String> decline = Map.of("Idempotency-Key", "decline-" + declined);

        assertThat(http.post("/api/referrals/" + id + "/acceptance", stGiles, Map.of(), accept).status())
                .isEqualTo(200);
        AbandonedAttempts.killedBeforeAnswering(keys, id);
        Http.Response acceptedAgain = http.post("/api/referrals/" + id + "/acceptance", stGiles, Map.of(), accept);
        assertThat(acceptedAgain.status()).isEqualTo(200);
        assertThat(acceptedAgain.field("status")).isEqualTo("ACCEPTED");

        assertThat(http.post("/api/referrals/" + id + "/outcome", stGiles, Map.of("outcome", "ACHIEVED"), outcome)
                .status()).isEqualTo(200);
        AbandonedAttempts.killedBeforeAnswering(keys, id);
        Http.Response outcomeAgain = http.post("/api/referrals/" + id + "/outcome", stGiles,
                Map.of("outcome", "ACHIEVED"), outcome);
        assertThat(outcomeAgain.status()).isEqualTo(200);
        assertThat(outcomeAgain.field("outcome")).isEqualTo("ACHIEVED");
        // a new key is a new request: the state check still refuses it
        assertProblem(http.post("/api/referrals/" + id + "/outcome", stGiles, Map.of("outcome", "ACHIEVED"),
                Map.of("Idempotency-Key", "another-" + id)), 409, null);

        // a decline sends the referral on to the next provider: the retry still gets its answer, not a 404
        assertThat(http.post("/api/referrals/" + declined + "/decline", stGiles, Map.of("reason", "NO_CAPACITY"),
                decline).status()).isEqualTo(200);
        String nextProvider = http.get("/api/referrals/" + declined, admin).field("providerCode");
        AbandonedAttempts.killedBeforeAnswering(keys, declined);
        Http.Response declinedAgain = http.post("/api/referrals/" + declined + "/decline", stGiles,
                Map.of("reason", "NO_CAPACITY"), decline);
        assertThat(declinedAgain.status()).isEqualTo(200);
        assertThat(http.get("/api/referrals/" + declined, admin).field("providerCode")).isEqualTo(nextProvider);

        assertThat(topics.await(Topics.REFERRAL, about(prisonNumber, "referral.referral.accepted"), 1)).hasSize(1);
        assertThat(topics.await(Topics.REFERRAL, about(prisonNumber, "referral.outcome.recorded"), 1)).hasSize(1);
        assertThat(topics.await(Topics.REFERRAL, about(declinedPrisonNumber, "referral.referral.declined"), 1))
                .hasSize(1);
        assertThat(http.get("/api/referrals/" + declined, admin).body().get("declines").size()).isEqualTo(1);
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
    void operationsSeeReferralFiguresInPrometheusByNeedAndProviderNeverByPerson() throws Exception {
        String prisonNumber = Identifiers.prisonNumber();
        String id = manualReferral(prisonNumber, "EDUCATION_SKILLS_AND_WORK", "NMI", "MALE", "LOW");
        assertThat(http.post("/api/referrals/" + id + "/acceptance", Tokens.forProvider("INGEUS"), Map.of())
                .status()).isEqualTo(200);
        assertThat(management.metrics()).contains("referral_new_referrals_total{", "referral_referrals_sent_total{",
                "referral_referrals_accepted_total{", "referral_time_to_accept_seconds_bucket{")
                .contains("need=\"EDUCATION_SKILLS_AND_WORK\"", "provider=\"INGEUS\"")
                .doesNotContain(prisonNumber, id);
        Http.Response docs = http.get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().get("paths").propertyNames()).contains("/api/routing-rules", "/api/referrals",
                "/api/referrals/{id}/decline", "/api/releases/{caseId}", "/api/providers",
                "/api/release-readiness");
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

    @Test
    void opsAreWarnedOfAReleaseDueSoonWithoutAnAcceptedAccommodationReferral() {
        // Stocken (SKI) is used by this scenario only, so its figure is exactly this person
        String prisonNumber = Identifiers.prisonNumber();
        String caseId = UUID.randomUUID().toString();
        java.time.LocalDate today = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        topics.send(Topics.RESETTLEMENT, prisonNumber, """
                {"caseId":"%s","prisonNumber":"%s","prisonCode":"SKI","receivedOn":"%s","sex":"MALE",
                 "riskOfSeriousHarm":"LOW","expectedReleaseDate":"%s"}
                """.formatted(caseId, prisonNumber, today.minusMonths(3), today.plusDays(10)),
                headers(UUID.randomUUID().toString(), "resettlement.prisoner.received", prisonNumber,
                        "/schemas/resettlement.prisoner.received/v1.json"));
        sendPlanAt("SKI", UUID.randomUUID().toString(), caseId, prisonNumber, prisonNumber, "MALE", 1,
                Map.of("ACCOMMODATION", "SUPPORT_REQUIRED", "HEALTH", "SUPPORT_NOT_REQUIRED"));

        await().atMost(Duration.ofSeconds(30)).until(() -> dueWithoutAccommodation("SKI"), n -> n == 1.0);
        String id = referralsOfCase(caseId, 1).get("ACCOMMODATION").get("id").asString();
        assertThat(http.post("/api/referrals/" + id + "/acceptance", Tokens.forProvider("IN_HOUSE_HOUSING"), Map.of())
                .status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> dueWithoutAccommodation("SKI"), n -> n == 0.0);
    }

    private double dueWithoutAccommodation(String prison) {
        return meters.find("referral.releases.due.without.accommodation").tag("prison", prison).gauges().stream()
                .mapToDouble(io.micrometer.core.instrument.Gauge::value).sum();
    }

    private void workReferrals(String caseId) {
        Map<String, JsonNode> byNeed = referralsOfCase(caseId, 2);
        String housing = byNeed.get("ACCOMMODATION").get("id").asString();
        String work = byNeed.get("EDUCATION_SKILLS_AND_WORK").get("id").asString();
        String inHouse = Tokens.forProvider("IN_HOUSE_HOUSING");
        String ingeus = Tokens.forProvider("INGEUS");
        assertThat(http.post("/api/referrals/" + housing + "/acceptance", inHouse, Map.of()).status()).isEqualTo(200);
        assertThat(http.post("/api/referrals/" + housing + "/outcome", inHouse,
                Map.of("outcome", "SETTLED_ACCOMMODATION_SECURED")).status()).isEqualTo(200);
        assertThat(http.post("/api/referrals/" + work + "/acceptance", ingeus, Map.of()).status()).isEqualTo(200);
        assertThat(http.post("/api/referrals/" + work + "/outcome", ingeus, Map.of("outcome", "NOT_SECURED"))
                .status()).isEqualTo(200);
    }

    private JsonNode awaitJoin(String caseId, Predicate<JsonNode> done) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> http.get("/api/releases/" + caseId, admin),
                        r -> r.status() == 200 && done.test(r.body())).body();
    }

    private static Map<String, String> withoutIdentity(JsonNode join) {
        return join.properties().stream()
                .filter(e -> !List.of("caseId", "prisonNumber").contains(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().toString()));
    }

    private List<Object> currentRules() {
        Http.Response rules = http.get("/api/routing-rules", admin);
        assertThat(rules.status()).isEqualTo(200);
        List<Object> list = new ArrayList<>();
        rules.body().get("items").forEach(rule -> list.add(JSON.treeToValue(rule, Map.class)));
        return list;
    }

    private Map<String, JsonNode> referralsOfCase(String caseId, int atLeast) {
        JsonNode items = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> http.get("/api/referrals?size=200&caseId=" + caseId, admin).body().get("items"),
                        found -> found != null && found.size() >= atLeast);
        Map<String, JsonNode> byNeed = new LinkedHashMap<>();
        items.forEach(item -> byNeed.put(item.get("need").asString(), item));
        return byNeed;
    }

    private String manualReferral(String prisonNumber, String need, String prisonCode, String sex, String risk) {
        Http.Response created = http.post("/api/referrals", Tokens.caseworkerAt("test-caseworker", prisonCode),
                manual(prisonNumber, need, prisonCode, sex, risk));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.field("source")).isEqualTo("MANUAL");
        return created.field("id");
    }

    private static Map<String, Object> manual(String prisonNumber, String need, String prisonCode, String sex,
            String risk) {
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> person = new LinkedHashMap<>();
        if (prisonNumber != null) {
            person.put("prisonNumber", prisonNumber);
        }
        body.put("personReference", person);
        body.put("need", need);
        if (prisonCode != null) {
            body.put("prisonCode", prisonCode);
        }
        body.put("sex", sex);
        body.put("riskOfSeriousHarm", risk);
        return body;
    }

    private void sendPlan(String caseId, String prisonNumber, String key, String sex, int version,
            Map<String, String> needs) {
        sendPlan(UUID.randomUUID().toString(), caseId, prisonNumber, key, sex, version, needs);
    }

    private void sendPlan(String eventId, String caseId, String prisonNumber, String key, String sex, int version,
            Map<String, String> needs) {
        sendPlanAt("FEMALE".equals(sex) ? "FHI" : "NMI", eventId, caseId, prisonNumber, key, sex, version, needs);
    }

    private void sendPlanAt(String prisonCode, String eventId, String caseId, String prisonNumber, String key,
            String sex, int version, Map<String, String> needs) {
        String needList = needs.entrySet().stream()
                .map(n -> "{\"pathway\":\"%s\",\"status\":\"%s\"}".formatted(n.getKey(), n.getValue()))
                .collect(Collectors.joining(","));
        String plan = """
                {"caseId":"%s","prisonNumber":"%s","prisonCode":"%s","sex":"%s","riskOfSeriousHarm":"MEDIUM",
                 "responsibleOfficerCode":"N01RO1","planVersion":%d,"completedOn":"2026-11-20","completedOnTime":true,
                 "needs":[%s]}
                """.formatted(caseId, prisonNumber, prisonCode, sex, version, needList);
        topics.send(Topics.RESETTLEMENT, key, plan, headers(eventId, "resettlement.plan.completed", prisonNumber,
                PLAN_V1));
    }

    private void sendRelease(String eventId, String caseId, String prisonNumber) {
        String released = """
                {"caseId":"%s","prisonNumber":"%s","prisonCode":"NMI","sex":"MALE","releasedOn":"2027-02-01",
                 "accommodationOnRelease":"SETTLED","eteOnRelease":"NONE","metAtGate":true,"outcomeRecorded":true,
                 "reason":"RELEASED"}
                """.formatted(caseId, prisonNumber);
        topics.send(Topics.RESETTLEMENT, prisonNumber, released, headers(eventId, "resettlement.prisoner.released",
                prisonNumber, RELEASED_V1));
    }

    static Map<String, String> headers(String id, String type, String subject, String dataschema) {
        return Map.of("ce_id", id, "ce_type", type, "ce_source", "/resettlement-service", "ce_specversion", "1.0",
                "ce_subject", subject, "ce_time", "2026-11-20T09:00:00Z", "ce_dataschema", dataschema,
                "content-type", "application/json");
    }



    private double counter(String name, String tag, String value) {
        return meters.find(name).tag(tag, value).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private double escalations(String stage, String provider) {
        return meters.find("referral.escalations").tag("stage", stage).tag("provider", provider).counters()
                .stream().mapToDouble(c -> c.count()).sum();
    }

    private static List<String> ids(Http.Response response) {
        assertThat(response.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.body().get("items").forEach(i -> ids.add(i.get("id").asString()));
        return ids;
    }

    private double overdue(String need, String provider) {
        return meters.find("referral.responses.overdue").tag("need", need).tag("provider", provider).counters()
                .stream().mapToDouble(c -> c.count()).sum();
    }

    private long timeToAccept(String need, String provider) {
        return meters.find("referral.time.to.accept").tag("need", need).tag("provider", provider).timers().stream()
                .mapToLong(Timer::count).sum();
    }

    private double gauge(String need, String outcome) {
        return meters.find("referral.releases.with.need").tag("need", need).tag("outcome", outcome).gauges()
                .stream().mapToDouble(g -> g.value()).sum();
    }

}
