package uk.probation.gate.resettlement.caseload;

import static uk.probation.gate.platform.test.Problems.assertProblem;

import static org.assertj.core.api.Assertions.assertThat;
import uk.probation.gate.platform.test.Identifiers;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.probation.gate.contracts.Topics;
import uk.probation.gate.platform.test.AbandonedAttempts;
import uk.probation.gate.platform.test.Http;
import uk.probation.gate.platform.test.TopicReader;

/** From reception to the outcome on release: plan, completion on time or late, revisions, release, transfers. */
abstract class CaseLifecycleScenarios extends ScenarioSupport {

    @Override
    String[] prisonsUsed() {
        return new String[] {"NMI", "LCI", "RNI", "LGI", "GTI", "SKI", "SUI", "FHI"};
    }

    static final List<String> MEN = List.of("ACCOMMODATION", "EDUCATION_SKILLS_AND_WORK", "FINANCE_AND_ID",
            "DRUGS_AND_ALCOHOL", "HEALTH", "CHILDREN_FAMILIES_AND_COMMUNITY", "ATTITUDES_THINKING_AND_BEHAVIOUR");

    @Test
    void aCompletedPlanPublishesItsNeedsOnTimeAndWithoutNotes() {
        String prisonNumber = Identifiers.prisonNumber();
        String caseId = openCase(prisonNumber, "NMI", LocalDate.now().minusDays(1), "MALE");

        Http.Response draft = http.put("/api/cases/" + caseId + "/plan", caseworker, plan(MEN, "Known to partner"));
        assertThat(draft.status()).isEqualTo(200);
        assertThat(draft.field("status")).isEqualTo("PLAN_IN_PROGRESS");
        Http.Response completed = http.post("/api/cases/" + caseId + "/plan/completion", caseworker, "");

        assertThat(completed.status()).isEqualTo(200);
        assertThat(completed.field("status")).isEqualTo("PLAN_COMPLETED");
        assertThat(completed.body().get("plan").get("version").asInt()).isEqualTo(1);
        assertThat(completed.body().get("plan").get("completedOnTime").asBoolean()).isTrue();
        TopicReader.Event event = topics.await(Topics.RESETTLEMENT, of("resettlement.plan.completed", prisonNumber), 1)
                .get(0);
        JsonNode data = event.data();
        assertThat(data.get("planVersion").asInt()).isEqualTo(1);
        assertThat(data.get("completedOnTime").asBoolean()).isTrue();
        assertThat(data.get("needs")).hasSize(7);
        assertThat(data.get("needs").get(0).get("pathway").asString()).isEqualTo("ACCOMMODATION");
        assertThat(data.get("needs").get(0).get("status").asString()).isEqualTo("SUPPORT_REQUIRED");
        assertThat(new String(event.value())).doesNotContain("note for").doesNotContain("Known to partner");
    }

    @Test
    void aPlanCompletedAfterTheScreeningDeadlineIsLateAndARevisionIsANewVersion() {
        String prisonNumber = Identifiers.prisonNumber();
        String caseId = openCase(prisonNumber, "LCI", LocalDate.now().minusDays(20), "MALE");
        http.put("/api/cases/" + caseId + "/plan", caseworker, plan(MEN, "Summary"));
        assertThat(http.post("/api/cases/" + caseId + "/plan/completion", caseworker, "").body().get("plan")
                .get("completedOnTime").asBoolean()).isFalse();

        List<Map<String, Object>> revised = needs(MEN);
        revised.get(3).put("status", "IN_PROGRESS");
        assertThat(http.put("/api/cases/" + caseId + "/plan", caseworker,
                Map.of("needs", revised, "riskOfHarmSummary", "Summary")).status()).isEqualTo(200);
        assertThat(http.post("/api/cases/" + caseId + "/plan/completion", caseworker, "").status()).isEqualTo(200);

        List<TopicReader.Event> versions = topics.await(Topics.RESETTLEMENT,
                of("resettlement.plan.completed", prisonNumber), 2);
        assertThat(versions).extracting(e -> e.data().get("planVersion").asInt()).containsExactly(1, 2);
        assertThat(versions.get(1).data().get("needs").get(3).get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(versions.get(1).data().get("completedOnTime").asBoolean()).isFalse();
    }

    @Test
    void anIncompletePlanIsRefusedNamingWhatIsMissingAndNothingChanges() {
        String prisonNumber = Identifiers.prisonNumber();
        String caseId = openCase(prisonNumber, "RNI", LocalDate.now().minusDays(1), "MALE");
        http.put("/api/cases/" + caseId + "/plan", caseworker, plan(MEN.subList(0, 5), null));

        Http.Response refused = http.post("/api/cases/" + caseId + "/plan/completion", caseworker, "");

        assertProblem(refused, 422, "riskOfHarmSummary");
        assertThat(refused.body().get("errors").findValuesAsString("field"))
                .contains("needs[CHILDREN_FAMILIES_AND_COMMUNITY]", "needs[ATTITUDES_THINKING_AND_BEHAVIOUR]");
        assertThat(http.get("/api/cases/" + caseId, caseworker).field("status")).isEqualTo("PLAN_IN_PROGRESS");
        assertProblem(http.put("/api/cases/" + caseId + "/plan", caseworker,
                Map.of("needs", List.of(Map.of("pathway", "GARDENING", "status", "DONE")))), 400, "needs[0].pathway");
        assertProblem(http.put("/api/cases/" + caseId + "/plan", caseworker, plan(List.of("ABUSE_VICTIM_SUPPORT"),
                "x")), 422, "needs[0].pathway");
        assertThat(http.get("/api/cases/" + caseId, caseworker).body().get("plan").get("needs")).hasSize(5);
        assertNoEvent("resettlement.plan.completed", prisonNumber);
    }

    @Test
    void aWomansPlanIncludesAbuseVictimSupport() {
        String prisonNumber = Identifiers.prisonNumber();
        String caseId = openCase(prisonNumber, "FHI", LocalDate.now().minusDays(1), "FEMALE");
        http.put("/api/cases/" + caseId + "/plan", caseworker, plan(MEN, "Summary"));
        assertProblem(http.post("/api/cases/" + caseId + "/plan/completion", caseworker, ""), 422,
                "needs[ABUSE_VICTIM_SUPPORT]");

        List<String> women = new ArrayList<>(MEN);
        women.add("ABUSE_VICTIM_SUPPORT");
        http.put("/api/cases/" + caseId + "/plan", caseworker, plan(women, "Summary"));
        assertThat(http.post("/api/cases/" + caseId + "/plan/completion", caseworker, "").status()).isEqualTo(200);
        assertThat(topics.await(Topics.RESETTLEMENT, of("resettlement.plan.completed", prisonNumber), 1).get(0)
                .data().get("needs")).hasSize(8);
    }

    @Test
    void twoCaseworkersSavingAtOnceOneWinsTheOtherGets409AndNothingIsLost() throws Exception {
        String caseId = openCase(Identifiers.prisonNumber(), "LGI", LocalDate.now().minusDays(1), "MALE");
        String etag = http.get("/api/cases/" + caseId, caseworker).headers().firstValue("ETag").orElseThrow();

        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Callable<Http.Response>> saves = List.of(
                () -> http.put("/api/cases/" + caseId + "/plan", caseworker, plan(MEN, "first"), etag),
                () -> http.put("/api/cases/" + caseId + "/plan", caseworker, plan(MEN.subList(0, 2), "second"), etag));
        List<Integer> statuses = new ArrayList<>();
        for (Future<Http.Response> result : pool.invokeAll(saves)) {
            statuses.add(result.get().status());
        }
        pool.shutdown();

        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        String saved = http.get("/api/cases/" + caseId, caseworker).body().get("plan").get("riskOfHarmSummary")
                .asString();
        assertThat(saved).isEqualTo(statuses.get(0) == 200 ? "first" : "second");
    }

    @Test
    void aRecordedReleasePublishesAccommodationAndWorkOnRelease() {
        String prisonNumber = Identifiers.prisonNumber();
        String caseId = openCase(prisonNumber, "GTI", LocalDate.now().minusDays(30), "MALE");

        assertProblem(http.post("/api/cases/" + caseId + "/release", caseworker,
                release(LocalDate.now().minusDays(40), "SETTLED", "NONE")), 422, "releasedOn");
        assertProblem(http.post("/api/cases/" + caseId + "/release", caseworker,
                Map.of("releasedOn", LocalDate.now().toString(), "accommodationOnRelease", "CASTLE",
                        "eteOnRelease", "NONE", "metAtGate", true)), 400, "accommodationOnRelease");
        Http.Response released = http.post("/api/cases/" + caseId + "/release", caseworker,
                release(LocalDate.now(), "NO_FIXED_ABODE", "EMPLOYMENT"));

        assertThat(released.status()).isEqualTo(200);
        assertThat(released.field("status")).isEqualTo("RELEASED");
        JsonNode data = topics.await(Topics.RESETTLEMENT, of("resettlement.prisoner.released", prisonNumber), 1)
                .get(0).data();
        assertThat(data.get("accommodationOnRelease").asString()).isEqualTo("NO_FIXED_ABODE");
        assertThat(data.get("eteOnRelease").asString()).isEqualTo("EMPLOYMENT");
        assertThat(data.get("metAtGate").asBoolean()).isTrue();
        assertThat(data.get("outcomeRecorded").asBoolean()).isTrue();
        assertThat(data.get("responsibleOfficerCode").asString()).isEqualTo("N01RO1");
        assertProblem(http.post("/api/cases/" + caseId + "/release", caseworker,
                release(LocalDate.now(), "SETTLED", "NONE")), 409, null);
        assertProblem(http.post("/api/cases/" + caseId + "/plan/completion", caseworker, ""), 409, null);
    }

    /**
     * An instance killed after storing a plan's completion or a release but before answering (ADR 0012): the retry
     * with the same Idempotency-Key and If-Match (the version the first attempt read, stale since its own change)
     * gets the case as it stands, not a 409 or 412 for a change it made itself; each event is published once.
     */
    @Test
    void aCompletionAndAReleaseStoredByAnAttemptKilledBeforeAnsweringAreAnsweredOnRetry() {
        String prisonNumber = Identifiers.prisonNumber();
        String caseId = openCase(prisonNumber, "NMI", LocalDate.now().minusDays(1), "MALE");
        assertThat(http.put("/api/cases/" + caseId + "/plan", caseworker, plan(MEN, "x")).status()).isEqualTo(200);
        var keys = mongo.getCollection("idempotency_keys");

        Map<String, String> complete = Map.of("If-Match", etag(caseId), "Idempotency-Key", "complete-" + caseId);
        assertThat(http.post("/api/cases/" + caseId + "/plan/completion", caseworker, "", complete).status())
                .isEqualTo(200);
        AbandonedAttempts.killedBeforeAnswering(keys, caseId);
        Http.Response completedAgain = http.post("/api/cases/" + caseId + "/plan/completion", caseworker, "",
                complete);
        assertThat(completedAgain.status()).isEqualTo(200);
        assertThat(completedAgain.field("status")).isEqualTo("PLAN_COMPLETED");

        Map<String, String> release = Map.of("If-Match", etag(caseId), "Idempotency-Key", "release-" + caseId);
        assertThat(http.post("/api/cases/" + caseId + "/release", caseworker,
                release(LocalDate.now(), "SETTLED", "NONE"), release).status()).isEqualTo(200);
        AbandonedAttempts.killedBeforeAnswering(keys, caseId);
        Http.Response releasedAgain = http.post("/api/cases/" + caseId + "/release", caseworker,
                release(LocalDate.now(), "SETTLED", "NONE"), release);
        assertThat(releasedAgain.status()).isEqualTo(200);
        assertThat(releasedAgain.field("status")).isEqualTo("RELEASED");
        // a stale If-Match on a new request is still refused
        assertThat(http.post("/api/cases/" + caseId + "/release", caseworker,
                release(LocalDate.now(), "SETTLED", "NONE"), Map.of("If-Match", complete.get("If-Match"),
                        "Idempotency-Key", "another-" + caseId)).status()).isIn(409, 412);

        assertThat(topics.await(Topics.RESETTLEMENT, of("resettlement.plan.completed", prisonNumber), 1)).hasSize(1);
        assertThat(topics.await(Topics.RESETTLEMENT, of("resettlement.prisoner.released", prisonNumber), 1))
                .hasSize(1);
    }

    private String etag(String caseId) {
        return http.get("/api/cases/" + caseId, caseworker).headers().firstValue("ETag").orElseThrow();
    }

    @Test
    void anHmppsReleaseClosesTheCaseWithTheOutcomeToRecordOnTheCaseload() {
        String prisonNumber = Identifiers.prisonNumber();
        String caseId = openCase(prisonNumber, "SKI", LocalDate.now().minusDays(30), "MALE");
        String released = movement(prisonNumber, "prison-offender-events.prisoner.released", "RELEASED", "SKI");
        topics.send(Topics.PRISON_OFFENDER_EVENTS, prisonNumber, released, Map.of());
        topics.send(Topics.PRISON_OFFENDER_EVENTS, prisonNumber, released, Map.of());

        JsonNode unknown = topics.await(Topics.RESETTLEMENT, of("resettlement.prisoner.released", prisonNumber), 1)
                .get(0).data();
        assertThat(unknown.get("outcomeRecorded").asBoolean()).isFalse();
        assertThat(unknown.get("accommodationOnRelease").asString()).isEqualTo("UNKNOWN");
        JsonNode entry = caseloadEntry("SKI", caseId);
        assertThat(entry).isNotNull();
        assertThat(entry.get("due").asString()).isEqualTo("OUTCOME_TO_RECORD");

        http.post("/api/cases/" + caseId + "/release", caseworker, release(LocalDate.now(), "SETTLED", "NONE"));
        List<TopicReader.Event> both = topics.await(Topics.RESETTLEMENT,
                of("resettlement.prisoner.released", prisonNumber), 2);
        assertThat(both).hasSize(2);
        assertThat(both.get(1).data().get("outcomeRecorded").asBoolean()).isTrue();
        assertThat(both.get(1).data().get("accommodationOnRelease").asString()).isEqualTo("SETTLED");
        assertThat(caseloadEntry("SKI", caseId)).isNull();
    }

    @Test
    void aTransferBetweenOurPrisonsMovesTheCaseAndATransferOutClosesIt() {
        String prisonNumber = Identifiers.prisonNumber();
        String caseId = openCase(prisonNumber, "NMI", LocalDate.now().minusDays(3), "MALE");
        topics.send(Topics.PRISON_OFFENDER_EVENTS, prisonNumber,
                movement(prisonNumber, "prison-offender-events.prisoner.received", "TRANSFERRED", "RNI"), Map.of());
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "RNI".equals(http.get("/api/cases/" + caseId, caseworker).field("prisonCode")));

        topics.send(Topics.PRISON_OFFENDER_EVENTS, prisonNumber,
                movement(prisonNumber, "prison-offender-events.prisoner.received", "TRANSFERRED", "BWI"), Map.of());
        JsonNode out = topics.await(Topics.RESETTLEMENT, of("resettlement.prisoner.transferred", prisonNumber), 1)
                .get(0).data();
        assertThat(out.get("fromPrisonCode").asString()).isEqualTo("RNI");
        assertThat(out.get("toPrisonCode").asString()).isEqualTo("BWI");
        assertThat(http.get("/api/cases/" + caseId, caseworker).field("status")).isEqualTo("TRANSFERRED");
        assertThat(topics.all(Topics.RESETTLEMENT).stream().filter(of(RECEIVED, prisonNumber))).hasSize(1);
    }

    @Test
    void aCaseOpenedByAMovementGetsItsResponsibleOfficerAndLaterEventsCarryIt() {
        String prisonNumber = Identifiers.prisonNumber();
        topics.send(Topics.PRISON_OFFENDER_EVENTS, prisonNumber,
                movement(prisonNumber, "prison-offender-events.prisoner.received", "ADMISSION", "NMI"), Map.of());
        JsonNode received = topics.await(Topics.RESETTLEMENT, about(prisonNumber), 1).get(0).data();
        assertThat(received.has("responsibleOfficerCode")).isFalse();
        String caseId = received.get("caseId").asString();

        assertProblem(http.put("/api/cases/" + caseId + "/responsible-officer", caseworker,
                Map.of("responsibleOfficerCode", "n0 1")), 400, "responsibleOfficerCode");
        assertThat(http.put("/api/cases/" + caseId + "/responsible-officer", caseworker,
                Map.of("responsibleOfficerCode", "N07RO9")).field("responsibleOfficerCode")).isEqualTo("N07RO9");
        http.put("/api/cases/" + caseId + "/plan", caseworker, plan(MEN, "Summary"));
        http.post("/api/cases/" + caseId + "/plan/completion", caseworker, "");

        assertThat(topics.await(Topics.RESETTLEMENT, of("resettlement.plan.completed", prisonNumber), 1).get(0)
                .data().get("responsibleOfficerCode").asString()).isEqualTo("N07RO9");
    }

    @Test
    void theCaseloadShowsWhatIsDueSoonestFirstAndWhatIsOverdue() {
        String late = openCase(Identifiers.prisonNumber(), "LGI", LocalDate.now().minusDays(15), "MALE");
        String soon = openCase(Identifiers.prisonNumber(), "LGI", LocalDate.now().minusDays(2), "MALE");
        String later = openCase(Identifiers.prisonNumber(), "LGI", LocalDate.now(), "MALE");

        JsonNode all = http.get("/api/caseload?prisonCode=LGI&size=200", caseworker).body();
        List<String> order = new ArrayList<>();
        all.get("items").forEach(item -> order.add(item.get("caseId").asString()));
        assertThat(order.stream().filter(List.of(late, soon, later)::contains)).containsExactly(late, soon, later);
        assertThat(all.get("total").asInt()).isGreaterThanOrEqualTo(3);

        JsonNode overdue = http.get("/api/caseload?prisonCode=LGI&overdue=true&size=200", caseworker).body();
        List<String> overdueIds = new ArrayList<>();
        overdue.get("items").forEach(item -> {
            overdueIds.add(item.get("caseId").asString());
            assertThat(item.get("overdue").asBoolean()).isTrue();
        });
        assertThat(overdueIds).contains(late).doesNotContain(soon, later);
        assertProblem(http.get("/api/caseload?size=0", caseworker), 400, "size");
        assertThat(http.get("/api/caseload", opsViewer()).status()).isEqualTo(403);
    }

    @Test
    void outcomeMetricsMatchAScriptedCohort() {
        // Sudbury (SUI) is used by this scenario only, so its figures are exactly the cohort's.
        String[] accommodation = {"SETTLED", "NO_FIXED_ABODE", "NO_FIXED_ABODE"};
        for (String status : accommodation) {
            String caseId = openCase(Identifiers.prisonNumber(), "SUI", LocalDate.now().minusDays(30), "MALE");
            http.post("/api/cases/" + caseId + "/release", caseworker, release(LocalDate.now(), status, "NONE"));
        }
        openCase(Identifiers.prisonNumber(), "SUI", LocalDate.now().minusDays(12), "MALE");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String metrics = management.metrics();
            assertThat(metrics).contains(
                    "resettlement_releases_accommodation{accommodation=\"NO_FIXED_ABODE\",application=\"resettlement-service\",prison=\"SUI\",sex=\"MALE\"} 2.0",
                    "resettlement_releases_accommodation{accommodation=\"SETTLED\",application=\"resettlement-service\",prison=\"SUI\",sex=\"MALE\"} 1.0",
                    "resettlement_releases_ete{application=\"resettlement-service\",ete=\"NONE\",prison=\"SUI\",sex=\"MALE\"} 3.0",
                    "resettlement_screenings_overdue{application=\"resettlement-service\",prison=\"SUI\"} 1.0");
        });
    }

    JsonNode caseloadEntry(String prisonCode, String caseId) {
        for (JsonNode item : http.get("/api/caseload?prisonCode=" + prisonCode + "&size=200", caseworker).body()
                .get("items")) {
            if (caseId.equals(item.get("caseId").asString())) {
                return item;
            }
        }
        return null;
    }

    void assertNoEvent(String type, String prisonNumber) {
        String marker = Identifiers.prisonNumber();
        openCase(marker, "NMI", LocalDate.now(), "MALE");
        topics.await(Topics.RESETTLEMENT, about(marker), 1);
        assertThat(topics.all(Topics.RESETTLEMENT).stream().filter(of(type, prisonNumber))).isEmpty();
    }

    String openCase(String prisonNumber, String prisonCode, LocalDate receivedOn, String sex) {
        Map<String, Object> reception = new HashMap<>(reception(prisonNumber, prisonCode, receivedOn.toString()));
        reception.put("sex", sex);
        Http.Response created = http.post("/api/cases", caseworker, reception);
        assertThat(created.status()).isEqualTo(201);
        return created.field("id");
    }

    static Predicate<TopicReader.Event> of(String type, String prisonNumber) {
        return e -> type.equals(e.header("ce_type")) && prisonNumber.equals(e.key());
    }

    static Map<String, Object> plan(List<String> pathways, String riskOfHarmSummary) {
        Map<String, Object> plan = new HashMap<>();
        plan.put("needs", needs(pathways));
        if (riskOfHarmSummary != null) {
            plan.put("riskOfHarmSummary", riskOfHarmSummary);
        }
        return plan;
    }

    static List<Map<String, Object>> needs(List<String> pathways) {
        List<Map<String, Object>> needs = new ArrayList<>();
        for (String pathway : pathways) {
            String status = pathway.equals("ACCOMMODATION") || pathway.equals("DRUGS_AND_ALCOHOL")
                    ? "SUPPORT_REQUIRED" : "SUPPORT_NOT_REQUIRED";
            needs.add(new HashMap<>(Map.of("pathway", pathway, "status", status, "note", "note for " + pathway)));
        }
        return needs;
    }

    static Map<String, Object> release(LocalDate on, String accommodation, String ete) {
        return Map.of("releasedOn", on.toString(), "accommodationOnRelease", accommodation, "eteOnRelease", ete,
                "metAtGate", true);
    }

    static String movement(String prisonNumber, String eventType, String reason, String prisonId) {
        return hmpps(prisonNumber, eventType, reason, prisonId, 1)
                .replace("2026-11-24T09:15:00Z", LocalDate.now() + "T09:15:00Z");
    }

    static String opsViewer() {
        return uk.probation.gate.platform.test.Tokens.forRole("OPS_VIEWER");
    }
}
