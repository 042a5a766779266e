package uk.probation.gate.referral.lifecycle;

import static uk.probation.gate.platform.test.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.probation.gate.contracts.Topics;
import uk.probation.gate.platform.test.Identifiers;
import uk.probation.gate.platform.test.AbandonedAttempts;
import uk.probation.gate.platform.test.Http;
import uk.probation.gate.platform.test.Tokens;
import uk.probation.gate.platform.test.TopicReader;

/**
 * A provider works its own referrals from acceptance or decline to closure with an end-of-service report; a closed
 * referral refuses every step; an answer stored by a killed attempt is answered on retry.
 */
abstract class ProviderLifecycleScenarios extends ReferralScenarioSupport {

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
}
