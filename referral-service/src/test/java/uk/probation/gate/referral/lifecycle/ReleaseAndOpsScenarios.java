package uk.probation.gate.referral.lifecycle;

import static uk.probation.gate.platform.test.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.probation.gate.contracts.Topics;
import uk.probation.gate.platform.test.Identifiers;
import uk.probation.gate.platform.test.Http;
import uk.probation.gate.platform.test.Tokens;

/**
 * What a release knew was needed, referred and secured; operations' performance figures, Prometheus series and
 * release-soon warnings.
 */
abstract class ReleaseAndOpsScenarios extends ReferralScenarioSupport {

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
    void aReleaseStoredBeforeTheReleasedMarkExistedIsCountedOnceMarked() {
        String caseId = UUID.randomUUID().toString();
        double securedBefore = gauge("ACCOMMODATION", "SECURED");
        // a release outcome as the service stored it before it kept `released`, and no record of the backfill
        mongo.remove(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id")
                        .is("release-outcomes-released-backfill")), "platform_migrations");
        mongo.insert(new org.bson.Document("_id", caseId).append("version", 0L).append("sex", "FEMALE")
                .append("prisonCode", "NMI")
                .append("accommodation", new org.bson.Document("needed", true).append("neededInPlanVersion", 1)
                        .append("referred", true).append("accepted", true)
                        .append("outcome", "SETTLED_ACCOMMODATION_SECURED").append("outcomeProvider", "SOVA"))
                .append("ete", new org.bson.Document("needed", false).append("neededInPlanVersion", 1)
                        .append("referred", false).append("accepted", false))
                .append("release", new org.bson.Document("releasedOn", java.util.Date.from(
                        java.time.Instant.parse("2027-02-01T00:00:00Z"))).append("metAtGate", true)
                        .append("outcomeRecorded", true)), "release-outcomes");

        await().atMost(Duration.ofSeconds(30)).until(() -> gauge("ACCOMMODATION", "SECURED") - securedBefore >= 1);
        assertThat(mongo.findById(caseId, org.bson.Document.class, "release-outcomes").getBoolean("released"))
                .isTrue();
        assertThat(gauge("ACCOMMODATION", "SECURED") - securedBefore).isEqualTo(1.0);
        assertThat(mongo.exists(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id")
                        .is("release-outcomes-released-backfill")), "platform_migrations")).isTrue();
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
}
