package uk.probation.gate.referral.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static uk.probation.gate.platform.test.Problems.assertProblem;
import static uk.probation.gate.referral.lifecycle.ReferralScenarioSupport.headers;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import uk.probation.gate.contracts.Topics;
import uk.probation.gate.platform.test.Http;
import uk.probation.gate.platform.test.RunningService;
import uk.probation.gate.platform.test.Identifiers;
import uk.probation.gate.platform.test.Tokens;
import uk.probation.gate.referral.TestClock;

/**
 * What signed-in people see: two caseworkers at different prisons each read only the referrals of their own
 * prisons' people and work from a release-readiness worklist of their own prisons; providers answer from an inbox of
 * their own referrals, overdue first; every referral tells its history with who took each step. Each scenario uses
 * prisons of its own, so lists and totals are exactly its own people. Escalation waits ten days here, so a referral
 * a scenario makes overdue stays with its provider.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "referral.escalation.grace=P10D", "referral.release-soon-days=14"})
@Import(TestClock.Config.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class CaseworkerScenarios extends RunningService {

    static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    @Autowired
    TestClock clock;

    final String admin = Tokens.forRole("ADMIN");
    final String viewer = Tokens.forRole("OPS_VIEWER");

    @Test
    void twoCaseworkersEachReadOnlyTheReferralsOfTheirOwnPrisonsPeopleAndTheOthersAreNotFound() {
        String atLeicester = Tokens.caseworkerAt("cw-leicester", "LCI");
        String atRanby = Tokens.caseworkerAt("cw-ranby", "RNI");
        String leicesterPerson = Identifiers.prisonNumber();
        String leicesterCase = UUID.randomUUID().toString();
        String ranbyPerson = Identifiers.prisonNumber();
        String ranbyCase = UUID.randomUUID().toString();
        LocalDate today = today();
        receive(leicesterCase, leicesterPerson, "LCI", today.plusMonths(3));
        receive(ranbyCase, ranbyPerson, "RNI", today.plusMonths(3));
        plan(leicesterCase, leicesterPerson, "LCI", Map.of("ACCOMMODATION", "SUPPORT_REQUIRED",
                "FINANCE_AND_ID", "SUPPORT_REQUIRED"));
        plan(ranbyCase, ranbyPerson, "RNI", Map.of("ACCOMMODATION", "SUPPORT_REQUIRED"));
        List<String> leicesterPlanReferrals = idsOfCase(leicesterCase, 2);
        List<String> ranbyPlanReferrals = idsOfCase(ranbyCase, 1);
        // a coordinator's community referral names no prison: it is the Leicester caseworker's by the reception
        String community = created(http.post("/api/referrals", Tokens.coordinatorIn("co-derby", "N53DER"),
                referral(leicesterPerson, null, "N53DER", "DRUGS_AND_ALCOHOL")));
        String manualAtLeicester = created(http.post("/api/referrals", atLeicester,
                referral(Identifiers.prisonNumber(), "LCI", null, "FINANCE_AND_ID")));

        List<String> leicesterSees = ids(http.get("/api/referrals?size=200", atLeicester));
        assertThat(leicesterSees).containsAll(leicesterPlanReferrals).contains(community, manualAtLeicester)
                .doesNotContainAnyElementsOf(ranbyPlanReferrals);
        assertThat(ids(http.get("/api/referrals?size=200", atRanby))).containsExactlyInAnyOrderElementsOf(
                ranbyPlanReferrals);
        for (String theirs : ranbyPlanReferrals) {
            assertProblem(http.get("/api/referrals/" + theirs, atLeicester), 404, null);
        }
        assertProblem(http.get("/api/referrals/" + community, atRanby), 404, null);
        assertThat(http.get("/api/referrals/" + community, atLeicester).field("areaCode")).isEqualTo("N53DER");
        assertThat(http.get("/api/referrals/" + ranbyPlanReferrals.get(0), atRanby).status()).isEqualTo(200);
        // the case page lists the referrals made from the plan (and the manual one that joined the case); another
        // prison's case lists nothing
        Http.Response ofCase = http.get("/api/referrals?caseId=" + leicesterCase, atLeicester);
        assertThat(ids(ofCase)).containsExactlyInAnyOrderElementsOf(concat(leicesterPlanReferrals, community));
        assertThat(http.get("/api/referrals?caseId=" + ranbyCase, atLeicester).body().get("total").asInt()).isZero();
        assertThat(ids(http.get("/api/referrals?size=200&prisonNumber=" + leicesterPerson, atLeicester)))
                .containsExactlyInAnyOrderElementsOf(concat(leicesterPlanReferrals, community));
        assertThat(http.get("/api/referrals?prisonNumber=" + leicesterPerson, atRanby).body().get("total").asInt())
                .isZero();
        // national reach is unchanged
        assertThat(ids(http.get("/api/referrals?size=200", viewer))).containsAll(leicesterSees)
                .containsAll(ranbyPlanReferrals);
    }

    @Test
    void aManualReferralOutsideTheCallersPrisonsOrAreasIsForbiddenNamingTheFieldAndNothingIsCreated() {
        String prisonNumber = Identifiers.prisonNumber();
        assertProblem(http.post("/api/referrals", Tokens.caseworkerAt("cw-leicester", "LCI"),
                referral(prisonNumber, "RNI", null, "ACCOMMODATION")), 403, "prisonCode");
        assertProblem(http.post("/api/referrals", Tokens.forRole("RESETTLEMENT_CASEWORKER"),
                referral(prisonNumber, "LCI", null, "ACCOMMODATION")), 403, "prisonCode");
        assertProblem(http.post("/api/referrals", Tokens.coordinatorIn("co-derby", "N53DER"),
                referral(prisonNumber, null, "N53LEI", "DRUGS_AND_ALCOHOL")), 403, "areaCode");
        assertProblem(http.post("/api/referrals", Tokens.caseworkerAt("cw-leicester", "LCI"),
                referral(prisonNumber, null, "N53LEI", "DRUGS_AND_ALCOHOL")), 403, "areaCode");
        assertThat(http.get("/api/referrals?prisonNumber=" + prisonNumber, admin).body().get("total").asInt())
                .isZero();
        assertThat(http.post("/api/referrals", Tokens.caseworkerAt("cw-two-prisons", "LCI", "SKI"),
                referral(prisonNumber, "SKI", null, "ACCOMMODATION")).status()).isEqualTo(201);
    }

    @Test
    void theWorklistShowsTheCallersPrisonsSoonestReleaseFirstAndDropsAPersonOnceProvidersAccept() {
        LocalDate today = today();
        String atGartree = Tokens.caseworkerAt("cw-gartree", "GTI");
        String atSudbury = Tokens.caseworkerAt("cw-sudbury", "SUI");
        String planned = Identifiers.prisonNumber();
        String plannedCase = UUID.randomUUID().toString();
        String noPlanYet = Identifiers.prisonNumber();
        String noPlanCase = UUID.randomUUID().toString();
        String nothingNeeded = Identifiers.prisonNumber();
        String nothingNeededCase = UUID.randomUUID().toString();
        String later = Identifiers.prisonNumber();
        String laterCase = UUID.randomUUID().toString();
        String atSudburyPerson = Identifiers.prisonNumber();
        String atSudburyCase = UUID.randomUUID().toString();
        receive(plannedCase, planned, "GTI", today.plusDays(10));
        receive(noPlanCase, noPlanYet, "GTI", today.plusDays(3));
        receive(nothingNeededCase, nothingNeeded, "GTI", today.plusDays(7));
        receive(laterCase, later, "GTI", today.plusDays(30));
        receive(atSudburyCase, atSudburyPerson, "SUI", today.plusDays(5));
        plan(plannedCase, planned, "GTI", Map.of("ACCOMMODATION", "SUPPORT_REQUIRED",
                "EDUCATION_SKILLS_AND_WORK", "SUPPORT_REQUIRED", "HEALTH", "SUPPORT_NOT_REQUIRED"));
        plan(nothingNeededCase, nothingNeeded, "GTI", Map.of("ACCOMMODATION", "SUPPORT_NOT_REQUIRED",
                "EDUCATION_SKILLS_AND_WORK", "DONE"));
        plan(atSudburyCase, atSudburyPerson, "SUI", Map.of("ACCOMMODATION", "SUPPORT_REQUIRED"));
        Map<String, String> referralByNeed = new LinkedHashMap<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            http.get("/api/referrals?caseId=" + plannedCase, admin).body().get("items").forEach(r ->
                    referralByNeed.put(r.get("need").asString(), r.get("id").asString()));
            return referralByNeed.size() == 2;
        });

        JsonNode gartree = awaitWorklist("", atGartree, items -> items.size() == 2
                && "REFERRED".equals(items.get(1).get("ete").get("state").asString()));
        assertThat(gartree.get("total").asInt()).isEqualTo(2);
        JsonNode first = gartree.get("items").get(0);
        assertThat(first.get("prisonNumber").asString()).isEqualTo(noPlanYet);
        assertThat(first.get("caseId").asString()).isEqualTo(noPlanCase);
        assertThat(first.get("prisonCode").asString()).isEqualTo("GTI");
        assertThat(first.get("expectedReleaseDate").asString()).isEqualTo(today.plusDays(3).toString());
        assertThat(first.get("daysToRelease").asInt()).isEqualTo(3);
        // no plan yet: nobody has secured anything, so the person is on the list with nothing referred
        assertThat(first.get("planCompleted").asBoolean()).isFalse();
        assertThat(first.get("accommodation").get("state").asString()).isEqualTo("NO_REFERRAL");
        assertThat(first.get("ete").get("state").asString()).isEqualTo("NO_REFERRAL");
        JsonNode second = gartree.get("items").get(1);
        assertThat(second.get("prisonNumber").asString()).isEqualTo(planned);
        assertThat(second.get("daysToRelease").asInt()).isEqualTo(10);
        assertThat(second.get("planCompleted").asBoolean()).isTrue();
        assertThat(second.get("accommodation").get("state").asString()).isEqualTo("REFERRED");
        assertThat(second.get("accommodation").get("referralId").asString())
                .isEqualTo(referralByNeed.get("ACCOMMODATION"));
        assertThat(second.get("accommodation").get("status").asString()).isEqualTo("SENT");
        assertThat(second.get("accommodation").get("providerCode").asString()).isEqualTo("IN_HOUSE_HOUSING");
        assertThat(second.get("ete").get("providerCode").asString()).isEqualTo("INGEUS");

        // further ahead, the later release appears; the other prison's people never do
        assertThat(prisonNumbers(http.get("/api/release-readiness?withinDays=30", atGartree)))
                .containsExactly(noPlanYet, planned, later);
        assertThat(prisonNumbers(http.get("/api/release-readiness", atSudbury))).containsExactly(atSudburyPerson);
        assertThat(http.get("/api/release-readiness?prisonCode=SUI", atGartree).body().get("total").asInt()).isZero();
        assertThat(prisonNumbers(http.get("/api/release-readiness?prisonCode=GTI&size=200", admin)))
                .containsExactly(noPlanYet, planned);
        assertThat(http.get("/api/release-readiness?prisonCode=GTI", viewer).status()).isEqualTo(200);
        assertThat(http.get("/api/release-readiness", Tokens.forProvider("INGEUS")).status()).isEqualTo(403);
        assertThat(http.get("/api/release-readiness", Tokens.coordinatorIn("co-derby", "N53DER")).status())
                .isEqualTo(403);
        assertProblem(http.get("/api/release-readiness?withinDays=0", atGartree), 422, "withinDays");
        assertProblem(http.get("/api/release-readiness?withinDays=91", atGartree), 422, "withinDays");
        assertProblem(http.get("/api/release-readiness?withinDays=soon", atGartree), 400, "withinDays");

        // accommodation accepted: still on the list while work is not; once both are, the person drops off
        assertThat(http.post("/api/referrals/" + referralByNeed.get("ACCOMMODATION") + "/acceptance",
                Tokens.forProvider("IN_HOUSE_HOUSING"), Map.of()).status()).isEqualTo(200);
        JsonNode halfway = awaitWorklist("", atGartree, items -> items.size() == 2
                && "ACCEPTED".equals(items.get(1).get("accommodation").get("status").asString()));
        assertThat(halfway.get("items").get(1).get("accommodation").get("accepted").asBoolean()).isTrue();
        assertThat(halfway.get("items").get(1).get("ete").get("status").asString()).isEqualTo("SENT");
        assertThat(http.post("/api/referrals/" + referralByNeed.get("EDUCATION_SKILLS_AND_WORK") + "/acceptance",
                Tokens.forProvider("INGEUS"), Map.of()).status()).isEqualTo(200);
        JsonNode after = awaitWorklist("", atGartree, items -> items.size() == 1);
        assertThat(prisonNumbers(after)).containsExactly(noPlanYet);
    }

    // issue 11 item 1, referral-service's side: resettlement.case.updated and resettlement.case.superseded
    @Test
    void aCaseOpenedByAnAdmissionAndCompletedLaterIsDueForReleaseAndItsPlanIsRoutedByTheCompletedRisk() {
        LocalDate today = today();
        String atLowdham = Tokens.caseworkerAt("cw-lowdham", "LGI");
        String prisonNumber = Identifiers.prisonNumber();
        String caseId = UUID.randomUUID().toString();
        // an HMPPS admission: no release date, risk, CRN or officer yet
        topics.send(Topics.RESETTLEMENT, prisonNumber, """
                {"caseId":"%s","prisonNumber":"%s","prisonCode":"LGI","receivedOn":"%s","sex":"MALE","recall":true}
                """.formatted(caseId, prisonNumber, today.minusMonths(2)), headers(UUID.randomUUID().toString(),
                "resettlement.prisoner.received", prisonNumber, "/schemas/resettlement.prisoner.received/v1.json"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> http.get("/api/people/" + prisonNumber, admin).status(), status -> status == 200);
        assertThat(http.get("/api/release-readiness", atLowdham).body().get("total").asInt()).isZero();
        assertThat(http.get("/api/people/" + prisonNumber, admin).body().get("recall").asBoolean()).isTrue();
        // abuse-victim support for a man at Lowdham Grange only up to high risk: a rule with a risk ceiling
        List<Object> rules = new ArrayList<>(currentRules());
        rules.add(Map.of("need", "ABUSE_VICTIM_SUPPORT", "prisonCode", "LGI", "sex", "MALE", "maxRisk", "HIGH",
                "providerCode", "WOMENS_WORK", "priority", 1, "responseDays", 5));
        assertThat(http.put("/api/routing-rules", admin, Map.of("rules", rules)).status()).isEqualTo(200);

        // the caseworker completes the details
        String updateId = UUID.randomUUID().toString();
        String update = caseUpdated(caseId, prisonNumber, today.plusDays(6), "HIGH", "N01RO1");
        topics.send(Topics.RESETTLEMENT, prisonNumber, update, headers(updateId, "resettlement.case.updated",
                prisonNumber, "/schemas/resettlement.case.updated/v1.json"));
        topics.send(Topics.RESETTLEMENT, prisonNumber, update, headers(updateId, "resettlement.case.updated",
                prisonNumber, "/schemas/resettlement.case.updated/v1.json"));
        JsonNode due = awaitWorklist("", atLowdham, items -> items.size() == 1);
        assertThat(prisonNumbers(due)).containsExactly(prisonNumber);
        assertThat(due.get("items").get(0).get("expectedReleaseDate").asString())
                .isEqualTo(today.plusDays(6).toString());
        JsonNode person = http.get("/api/people/" + prisonNumber, admin).body();
        assertThat(person.get("crn").asString()).isEqualTo("X654321");
        assertThat(person.get("riskOfSeriousHarm").asString()).isEqualTo("HIGH");
        assertThat(person.get("responsibleOfficerCode").asString()).isEqualTo("N01RO1");
        assertThat(person.get("expectedReleaseDate").asString()).isEqualTo(today.plusDays(6).toString());

        // the plan event carries no risk (the case had none when it was planned): routing uses the completed one
        topics.send(Topics.RESETTLEMENT, prisonNumber, """
                {"caseId":"%s","prisonNumber":"%s","prisonCode":"LGI","sex":"MALE","planVersion":1,
                 "completedOn":"%s","completedOnTime":true,
                 "needs":[{"pathway":"ABUSE_VICTIM_SUPPORT","status":"SUPPORT_REQUIRED"},
                          {"pathway":"ACCOMMODATION","status":"SUPPORT_REQUIRED"}]}
                """.formatted(caseId, prisonNumber, today), headers(UUID.randomUUID().toString(),
                "resettlement.plan.completed", prisonNumber, ReferralScenarioSupport.PLAN_V1));
        idsOfCase(caseId, 2);
        JsonNode avs = null;
        for (JsonNode r : http.get("/api/referrals?caseId=" + caseId, admin).body().get("items")) {
            if ("ABUSE_VICTIM_SUPPORT".equals(r.get("need").asString())) {
                avs = r;
            }
        }
        assertThat(avs.get("status").asString()).isEqualTo("SENT");
        assertThat(avs.get("providerCode").asString()).isEqualTo("WOMENS_WORK");
        assertThat(avs.get("riskOfSeriousHarm").asString()).isEqualTo("HIGH");
        assertThat(avs.get("personReference").get("crn").asString()).isEqualTo("X654321");
        assertThat(avs.get("responsibleOfficerCode").asString()).isEqualTo("N01RO1");
        String avsId = avs.get("id").asString();

        // a correction reaches the open referrals: the new officer is told from now on
        topics.send(Topics.RESETTLEMENT, prisonNumber, caseUpdated(caseId, prisonNumber, today.plusDays(6), "HIGH",
                "N02RO7"), headers(UUID.randomUUID().toString(), "resettlement.case.updated", prisonNumber,
                "/schemas/resettlement.case.updated/v1.json"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(
                () -> http.get("/api/referrals/" + avsId, admin).field("responsibleOfficerCode"), "N02RO7"::equals);

        // a later reception superseded the case: no longer due for release, its open referrals go to the new case
        String newCase = UUID.randomUUID().toString();
        topics.send(Topics.RESETTLEMENT, prisonNumber, """
                {"caseId":"%s","prisonNumber":"%s","crn":"X654321","prisonCode":"LGI","supersededByCaseId":"%s",
                 "closedOn":"%s"}
                """.formatted(caseId, prisonNumber, newCase, today), headers(UUID.randomUUID().toString(),
                "resettlement.case.superseded", prisonNumber, "/schemas/resettlement.case.superseded/v1.json"));
        awaitWorklist("", atLowdham, items -> items.isEmpty());
        assertThat(idsOfCase(newCase, 2)).contains(avsId);
        assertThat(http.get("/api/referrals?caseId=" + caseId, admin).body().get("total").asInt()).isZero();
    }

    private static String caseUpdated(String caseId, String prisonNumber, LocalDate expectedRelease, String risk,
            String officer) {
        return """
                {"caseId":"%s","prisonNumber":"%s","crn":"X654321","prisonCode":"LGI","sex":"MALE",
                 "expectedReleaseDate":"%s","riskOfSeriousHarm":"%s","responsibleOfficerCode":"%s","recall":false,
                 "changedFields":["crn","expectedReleaseDate","riskOfSeriousHarm","responsibleOfficerCode"]}
                """.formatted(caseId, prisonNumber, expectedRelease, risk, officer);
    }

    @Test
    void providersAnswerFromAnInboxOfTheirOwnReferralsOverdueFirstThenSoonestRespondBy() {
        List<Object> rules = new ArrayList<>(currentRules());
        rules.add(rule("IBA", "CHANGING_LIVES", 0));
        rules.add(rule("IBB", "CHANGING_LIVES", 3));
        rules.add(rule("IBC", "CHANGING_LIVES", 8));
        rules.add(rule("IBD", "NOTTINGHAM_WOMENS_CENTRE", 0));
        assertThat(http.put("/api/routing-rules", admin, Map.of("rules", rules)).status()).isEqualTo(200);
        String dueToday = manualHealth("IBA");
        String othersOverdue = manualHealth("IBD");
        clock.advance(Duration.ofDays(1));
        String inEight = manualHealth("IBC");
        String inThree = manualHealth("IBB");
        String acceptedInThree = manualHealth("IBB");
        String userVoice = Tokens.forUser("cl-triage", "PROVIDER", Map.of("provider", "CHANGING_LIVES"));
        assertThat(http.post("/api/referrals/" + acceptedInThree + "/acceptance", userVoice, Map.of()).status())
                .isEqualTo(200);

        Http.Response inbox = http.get("/api/referrals?status=SENT&status=ACCEPTED&sort=respondBy", userVoice);
        assertThat(ids(inbox)).containsExactly(dueToday, inThree, acceptedInThree, inEight);
        assertThat(inbox.body().get("items").findValuesAsString("providerCode")).containsOnly("CHANGING_LIVES");
        assertThat(inbox.body().get("items")).extracting(i -> i.get("overdue").asBoolean())
                .containsExactly(true, false, false, false);
        assertThat(ids(http.get("/api/referrals?status=SENT,ACCEPTED&sort=respondBy", userVoice)))
                .containsExactly(dueToday, inThree, acceptedInThree, inEight);
        assertThat(ids(http.get("/api/referrals?status=SENT&sort=respondBy", userVoice)))
                .containsExactly(dueToday, inThree, inEight);
        // paging runs across the overdue and the rest as one list
        Http.Response secondPage = http.get("/api/referrals?status=SENT,ACCEPTED&sort=respondBy&page=1&size=2",
                userVoice);
        assertThat(ids(secondPage)).containsExactly(acceptedInThree, inEight);
        assertThat(secondPage.body().get("total").asInt()).isEqualTo(4);
        // a tab's count alone (size=0): the total and no items
        Http.Response count = http.get("/api/referrals?status=SENT,ACCEPTED&sort=respondBy&size=0", userVoice);
        assertThat(count.status()).isEqualTo(200);
        assertThat(count.body().get("total").asInt()).isEqualTo(4);
        assertThat(count.body().get("items")).isEmpty();
        assertThat(http.get("/api/referrals?status=SENT&size=0", userVoice).body().get("total").asInt())
                .isEqualTo(3);
        assertProblem(http.get("/api/referrals?status=SENT&size=-1", userVoice), 400, "size");
        // answered after its day: no longer overdue, still in the day's place among the rest
        assertThat(http.post("/api/referrals/" + dueToday + "/acceptance", userVoice, Map.of()).status())
                .isEqualTo(200);
        Http.Response answered = http.get("/api/referrals?status=SENT,ACCEPTED&sort=respondBy", userVoice);
        assertThat(ids(answered)).containsExactly(dueToday, inThree, acceptedInThree, inEight);
        assertThat(answered.body().get("items")).extracting(i -> i.get("overdue").asBoolean())
                .containsExactly(false, false, false, false);
        assertThat(ids(http.get("/api/referrals?status=SENT&sort=respondBy", userVoice)))
                .containsExactly(inThree, inEight);
        assertThat(ids(http.get("/api/referrals?status=ACCEPTED&sort=respondBy&page=0&size=1", userVoice)))
                .containsExactly(dueToday);
        // another provider's overdue referral is neither in the inbox nor readable
        assertThat(http.get("/api/referrals?providerCode=NOTTINGHAM_WOMENS_CENTRE", userVoice).body().get("total")
                .asInt()).isZero();
        assertProblem(http.get("/api/referrals/" + othersOverdue, userVoice), 404, null);
        Http.Response sova = http.get("/api/referrals?status=SENT&sort=respondBy&size=200",
                Tokens.forProvider("NOTTINGHAM_WOMENS_CENTRE"));
        assertThat(ids(sova)).contains(othersOverdue).doesNotContain(dueToday, inThree, inEight);
        assertProblem(http.get("/api/referrals?status=MAYBE", userVoice), 400, "status");
        assertProblem(http.get("/api/referrals?sort=name", userVoice), 400, "sort");
    }

    @Test
    void eachReferralListsItsStepsWithWhoTookThemAndOnlyOpsMissesTheDeclineReason() {
        String caseworker = Tokens.caseworkerAt("cw-foston", "FHI");
        Map<String, Object> body = referral(Identifiers.prisonNumber(), "FHI", null, "ABUSE_VICTIM_SUPPORT");
        body.put("sex", "FEMALE");
        String id = created(http.post("/api/referrals", caseworker, body));
        String newDawn = Tokens.forUser("ndnd-intake", "PROVIDER", Map.of("provider", "NEW_DAWN_NEW_DAY"));
        String womensWork = Tokens.forUser("ww-intake", "PROVIDER", Map.of("provider", "WOMENS_WORK"));
        assertThat(http.post("/api/referrals/" + id + "/decline", newDawn, Map.of("reason", "NO_CAPACITY"))
                .status()).isEqualTo(200);
        assertThat(http.post("/api/referrals/" + id + "/acceptance", womensWork, Map.of()).status()).isEqualTo(200);
        assertThat(http.post("/api/referrals/" + id + "/start", womensWork, Map.of()).status()).isEqualTo(200);
        assertThat(http.post("/api/referrals/" + id + "/outcome", womensWork, Map.of("outcome", "ACHIEVED"))
                .status()).isEqualTo(200);

        JsonNode history = http.get("/api/referrals/" + id, caseworker).body().get("history");
        assertThat(steps(history)).containsExactly("CREATED by cw-foston", "SENT by system to NEW_DAWN_NEW_DAY",
                "DECLINED by ndnd-intake to NEW_DAWN_NEW_DAY", "SENT by system to WOMENS_WORK",
                "ACCEPTED by ww-intake to WOMENS_WORK", "IN_PROGRESS by ww-intake to WOMENS_WORK",
                "OUTCOME_RECORDED by ww-intake to WOMENS_WORK");
        assertThat(history.get(2).get("reason").asString()).isEqualTo("NO_CAPACITY");
        assertThat(history.get(6).get("outcome").asString()).isEqualTo("ACHIEVED");
        assertThat(history).allSatisfy(step -> assertThat(step.get("at").asString()).isNotBlank());
        // the caseworker acts on a decline, so sees why; operations see that it happened, not why
        JsonNode forOps = http.get("/api/referrals/" + id, viewer).body();
        assertThat(forOps.get("history").get(2).get("status").asString()).isEqualTo("DECLINED");
        assertThat(forOps.get("history").get(2).has("reason")).isFalse();
        assertThat(forOps.get("declines").get(0).get("providerCode").asString()).isEqualTo("NEW_DAWN_NEW_DAY");
        assertThat(forOps.get("declines").get(0).has("reason")).isFalse();
        assertThat(http.get("/api/referrals/" + id, admin).body().get("declines").get(0).get("reason").asString())
                .isEqualTo("NO_CAPACITY");
    }

    private static List<String> steps(JsonNode history) {
        List<String> steps = new ArrayList<>();
        history.forEach(h -> steps.add(h.get("status").asString() + " by " + h.get("by").asString()
                + (h.has("providerCode") ? " to " + h.get("providerCode").asString() : "")));
        return steps;
    }

    private JsonNode awaitWorklist(String query, String token, Predicate<JsonNode> done) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> http.get("/api/release-readiness" + query, token).body(),
                        body -> body != null && body.has("items") && done.test(body.get("items")));
    }

    private static List<String> prisonNumbers(Http.Response response) {
        return prisonNumbers(response.body());
    }

    private static List<String> prisonNumbers(JsonNode page) {
        List<String> found = new ArrayList<>();
        page.get("items").forEach(i -> found.add(i.get("prisonNumber").asString()));
        return found;
    }

    private String manualHealth(String prisonCode) {
        return created(http.post("/api/referrals", Tokens.caseworkerAt("cw-inbox", prisonCode),
                referral(Identifiers.prisonNumber(), prisonCode, null, "ABUSE_VICTIM_SUPPORT")));
    }

    /** Abuse-victim support for men: no seed rule routes it, so these rules are the only ones that match. */
    private static Map<String, Object> rule(String prisonCode, String provider, int responseDays) {
        return Map.of("need", "ABUSE_VICTIM_SUPPORT", "prisonCode", prisonCode, "sex", "MALE",
                "providerCode", provider, "priority", 1, "responseDays", responseDays);
    }

    private List<Object> currentRules() {
        List<Object> list = new ArrayList<>();
        http.get("/api/routing-rules?size=200", admin).body().get("items")
                .forEach(rule -> list.add(JSON.treeToValue(rule, Map.class)));
        return list;
    }

    private List<String> idsOfCase(String caseId, int count) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> ids(http.get("/api/referrals?size=200&caseId=" + caseId, admin)),
                        found -> found.size() == count);
    }

    private static List<String> ids(Http.Response response) {
        assertThat(response.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.body().get("items").forEach(i -> ids.add(i.get("id").asString()));
        return ids;
    }

    private static List<String> concat(List<String> some, String more) {
        List<String> all = new ArrayList<>(some);
        all.add(more);
        return all;
    }

    private static String created(Http.Response response) {
        assertThat(response.status()).isEqualTo(201);
        return response.field("id");
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static Map<String, Object> referral(String prisonNumber, String prisonCode, String areaCode,
            String need) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("personReference", Map.of("prisonNumber", prisonNumber));
        body.put("need", need);
        if (prisonCode != null) {
            body.put("prisonCode", prisonCode);
        }
        if (areaCode != null) {
            body.put("areaCode", areaCode);
        }
        body.put("sex", "MALE");
        body.put("riskOfSeriousHarm", "LOW");
        return body;
    }

    private void receive(String caseId, String prisonNumber, String prisonCode, LocalDate expectedRelease) {
        topics.send(Topics.RESETTLEMENT, prisonNumber, """
                {"caseId":"%s","prisonNumber":"%s","prisonCode":"%s","receivedOn":"%s","sex":"MALE",
                 "riskOfSeriousHarm":"LOW","expectedReleaseDate":"%s"}
                """.formatted(caseId, prisonNumber, prisonCode, today().minusMonths(3), expectedRelease),
                headers(UUID.randomUUID().toString(), "resettlement.prisoner.received", prisonNumber,
                        "/schemas/resettlement.prisoner.received/v1.json"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> http.get("/api/people/" + prisonNumber, admin).status(), status -> status == 200);
    }

    private void plan(String caseId, String prisonNumber, String prisonCode, Map<String, String> needs) {
        String needList = needs.entrySet().stream()
                .map(n -> "{\"pathway\":\"%s\",\"status\":\"%s\"}".formatted(n.getKey(), n.getValue()))
                .collect(Collectors.joining(","));
        topics.send(Topics.RESETTLEMENT, prisonNumber, """
                {"caseId":"%s","prisonNumber":"%s","prisonCode":"%s","sex":"MALE","riskOfSeriousHarm":"MEDIUM",
                 "responsibleOfficerCode":"N01RO1","planVersion":1,"completedOn":"%s","completedOnTime":true,
                 "needs":[%s]}
                """.formatted(caseId, prisonNumber, prisonCode, today(), needList),
                headers(UUID.randomUUID().toString(), "resettlement.plan.completed", prisonNumber,
                        ReferralScenarioSupport.PLAN_V1));
    }
}
