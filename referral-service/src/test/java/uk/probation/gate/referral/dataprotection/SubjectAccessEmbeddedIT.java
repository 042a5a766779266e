package uk.probation.gate.referral.dataprotection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static uk.probation.gate.platform.test.Problems.assertProblem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.probation.gate.platform.test.Http;
import uk.probation.gate.platform.test.Identifiers;
import uk.probation.gate.platform.test.SarCoverage;
import uk.probation.gate.platform.test.Tokens;
import uk.probation.gate.referral.DataProtectionEmbedded;

/**
 * The HMPPS subject access request: everything referral-service keeps about a person, by prison number or by CRN
 * (it holds both, so 209 cannot happen: both identifiers are tested instead).
 */
class SubjectAccessEmbeddedIT extends DataProtectionEmbedded {

    private static final Map<String, String> NOT_IN_REPORT = Map.of(
            "audit_log", "who-did-what records of staff and the service, ids only (a person's copy is keyed by "
                    + "prison number); kept for audit, not part of the person's record",
            "idempotency_keys", "a 24-hour retry cache of the first answer to a creating request");

    private final String sar = Tokens.forSubjectAccess();

    @Test
    void aPersonGetsEveryReferralWithItsStepsReportAndOutcomeTheirCopyAndTheirReleaseRecordByEitherIdentifier() {
        String prisonNumber = Identifiers.prisonNumber();
        String crn = Identifiers.crn();
        String caseId = UUID.randomUUID().toString();
        receive(caseId, prisonNumber, crn, "NMI", today().minusDays(10));
        String planned = plan(caseId, prisonNumber, "NMI", "ACCOMMODATION").get(0);
        String manual = manualReferral(Tokens.caseworkerAt("sar-caseworker", "NMI"), prisonNumber, crn,
                "EDUCATION_SKILLS_AND_WORK", Map.of());
        workToClosure(manual, Tokens.forProvider("INGEUS"), "EMPLOYMENT_SECURED");
        // the accommodation referral's acceptance reaches the release record through referral.events
        assertThat(http.post("/api/referrals/" + planned + "/acceptance", Tokens.forProvider("IN_HOUSE_HOUSING"),
                Map.of()).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> http
                .get("/api/releases/" + caseId, admin).body().path("accommodation").path("accepted").asBoolean());

        Http.Response byPrisonNumber = http.get("/subject-access-request?prn=" + prisonNumber, sar);
        assertThat(byPrisonNumber.status()).isEqualTo(200);
        JsonNode content = byPrisonNumber.body().get("content");
        assertThat(content.propertyNames()).containsExactlyInAnyOrder("referrals", "people", "release-outcomes");
        assertThat(content.get("referrals").findValuesAsString("referralId")).containsExactlyInAnyOrder(planned,
                manual);
        JsonNode closed = referral(content, manual);
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("needInWords").asString()).isEqualTo("Education skills and work");
        assertThat(closed.get("provider").asString()).isEqualTo("Ingeus");
        assertThat(closed.get("outcomeInWords").asString()).isEqualTo("Employment secured");
        assertThat(closed.get("crn").asString()).isEqualTo(crn);
        assertThat(closed.get("history").findValuesAsString("status")).containsExactly("CREATED", "SENT",
                "ACCEPTED", "IN_PROGRESS", "OUTCOME_RECORDED", "CLOSED");
        assertThat(closed.get("endOfServiceReport").get("summary").asString()).isEqualTo("Work found");
        assertThat(closed.get("endOfServiceReport").get("achievements").get(0).get("note").asString())
                .isEqualTo("Done with the person");
        assertThat(closed.get("desiredOutcomes").get(0).get("inWords").asString())
                .isEqualTo("Cv and disclosure letter");
        assertThat(closed.has("outbox")).isFalse();
        assertThat(closed.has("processedEventIds")).isFalse();
        assertThat(closed.has("version")).isFalse();
        JsonNode person = content.get("people").get(0);
        assertThat(person.get("prisonNumber").asString()).isEqualTo(prisonNumber);
        assertThat(person.get("prison").asString()).isNotBlank();
        assertThat(person.get("lastReceivedOn").asString()).isEqualTo(today().minusDays(10).toString());
        JsonNode release = content.get("release-outcomes").get(0);
        assertThat(release.get("caseId").asString()).isEqualTo(caseId);
        assertThat(release.get("accommodation").get("acceptedByProvider").asBoolean()).isTrue();

        SarCoverage.assertReportCoversEveryCollection(mongo.getDb(), content, NOT_IN_REPORT, prisonNumber, crn);

        // by CRN alone the same person is found: both referrals carry it (the plan's took it from the reception)
        Http.Response byCrn = http.get("/subject-access-request?crn=" + crn, sar);
        assertThat(byCrn.status()).isEqualTo(200);
        assertThat(byCrn.body().get("content").get("referrals").findValuesAsString("referralId"))
                .containsExactlyInAnyOrder(planned, manual);
        assertThat(byCrn.body().get("content").propertyNames()).contains("people", "release-outcomes");

        // dates filter by each record's own day: today's referrals, not the reception ten days ago
        Http.Response today = http.get("/subject-access-request?prn=" + prisonNumber + "&fromDate=" + today()
                + "&toDate=" + today(), sar);
        assertThat(today.status()).isEqualTo(200);
        assertThat(today.body().get("content").propertyNames()).containsExactly("referrals");
        Http.Response before = http.get("/subject-access-request?prn=" + prisonNumber + "&toDate="
                + today().minusDays(20), sar);
        assertThat(before.status()).isEqualTo(204);
    }

    @Test
    void nobodyKnownIsNoContentAndOnlyTheSubjectAccessRoleMayAsk() {
        assertThat(http.get("/subject-access-request?prn=" + Identifiers.prisonNumber(), sar).status())
                .isEqualTo(204);
        assertThat(http.get("/subject-access-request?crn=" + Identifiers.crn(), sar).status()).isEqualTo(204);
        // both identifier types are held: no question is answered 209
        List<Integer> statuses = new ArrayList<>();
        statuses.add(http.get("/subject-access-request?prn=A1111AA", sar).status());
        statuses.add(http.get("/subject-access-request?crn=A111111", sar).status());
        assertThat(statuses).doesNotContain(209);

        String prisonNumber = Identifiers.prisonNumber();
        manualReferral(Tokens.caseworkerAt("sar-caseworker", "NMI"), prisonNumber, null, "FINANCE_AND_ID",
                Map.of());
        assertThat(http.get("/subject-access-request?prn=" + prisonNumber, admin).status()).isEqualTo(403);
        assertThat(http.get("/subject-access-request?prn=" + prisonNumber, Tokens.forProvider("ST_GILES_TRUST"))
                .status()).isEqualTo(403);
        assertThat(http.get("/subject-access-request?prn=" + prisonNumber, null).status()).isEqualTo(401);
        assertProblem(http.get("/subject-access-request?prn=12345", sar), 400, "prn");
        assertProblem(http.get("/subject-access-request", sar), 400, "prn");
        assertThat(http.get("/subject-access-request?prn=" + prisonNumber, sar).status()).isEqualTo(200);
    }

    private static JsonNode referral(JsonNode content, String id) {
        for (JsonNode r : content.get("referrals")) {
            if (id.equals(r.get("referralId").asString())) {
                return r;
            }
        }
        throw new AssertionError("No referral " + id + " in " + content);
    }
}
