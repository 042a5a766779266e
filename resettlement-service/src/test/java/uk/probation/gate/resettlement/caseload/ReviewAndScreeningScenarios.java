package uk.probation.gate.resettlement.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static uk.probation.gate.platform.test.Problems.assertProblem;
import static uk.probation.gate.resettlement.caseload.CaseLifecycleScenarios.MEN;
import static uk.probation.gate.resettlement.caseload.CaseLifecycleScenarios.of;
import static uk.probation.gate.resettlement.caseload.CaseLifecycleScenarios.plan;

import java.time.Duration;
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

/**
 * Issue 11 item 2 and the screening journey: the pre-release review is a step that can be done (with its event, on
 * the caseload and in the metrics); screening questions are versioned data and old answers stay readable.
 */
abstract class ReviewAndScreeningScenarios extends ScenarioSupport {

    final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    final String admin = Tokens.forRole("ADMIN");
    final String opsViewer = Tokens.forRole("OPS_VIEWER");

    @Override
    String[] prisonsUsed() {
        return new String[] {"NMI", "LGI", "RNI"};
    }

    @Test
    void aDueReviewIsCompletedOnTimeLeavesTheCaseloadAndIsPublishedAndCounted() {
        String prisonNumber = Identifiers.prisonNumber();
        LocalDate release = today.plusDays(60);
        String caseId = openCase(prisonNumber, "RNI", today.minusDays(30), release);
        int version = currentVersion("PRE_RELEASE");
        List<Map<String, Object>> answers = reviewAnswers();

        assertProblem(http.post("/api/cases/" + caseId + "/pre-release-review", caseworker,
                Map.of("questionsVersion", version, "answers", answers)), 409, null);
        completePlan(caseId);
        JsonNode due = http.get("/api/cases/" + caseId, caseworker).body().get("preReleaseReview");
        assertThat(due.get("status").asString()).isEqualTo("DUE");
        assertThat(due.get("dueFrom").asString()).isEqualTo(release.minusWeeks(12).toString());
        assertThat(due.get("dueBy").asString()).isEqualTo(release.minusWeeks(8).toString());
        JsonNode entry = caseloadEntry("RNI", caseId);
        assertThat(entry.get("due").asString()).isEqualTo("PRE_RELEASE_REVIEW");
        assertThat(entry.get("dueBy").asString()).isEqualTo(release.minusWeeks(8).toString());
        assertThat(entry.get("overdue").asBoolean()).isFalse();

        List<Map<String, Object>> missing = new ArrayList<>(answers);
        missing.remove(0);
        assertProblem(http.post("/api/cases/" + caseId + "/pre-release-review", caseworker,
                Map.of("questionsVersion", version, "answers", missing)), 422, "answers[ACCOMMODATION_ON_RELEASE]");
        List<Map<String, Object>> badChoice = new ArrayList<>(answers);
        badChoice.set(0, Map.of("questionId", "ACCOMMODATION_ON_RELEASE", "answer", "CASTLE"));
        assertProblem(http.post("/api/cases/" + caseId + "/pre-release-review", caseworker,
                Map.of("questionsVersion", version, "answers", badChoice)), 422, "answers[ACCOMMODATION_ON_RELEASE]");
        assertProblem(http.post("/api/cases/" + caseId + "/pre-release-review", caseworker,
                Map.of("questionsVersion", version + 7, "answers", answers)), 422, "questionsVersion");
        assertThat(http.get("/api/cases/" + caseId, caseworker).body().get("preReleaseReview").get("status")
                .asString()).isEqualTo("DUE");

        Http.Response done = http.post("/api/cases/" + caseId + "/pre-release-review", caseworker,
                Map.of("questionsVersion", version, "answers", answers));

        assertThat(done.status()).isEqualTo(200);
        JsonNode review = done.body().get("preReleaseReview");
        assertThat(review.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(review.get("completedOn").asString()).isEqualTo(today.toString());
        assertThat(review.get("completedOnTime").asBoolean()).isTrue();
        assertThat(review.get("questionsVersion").asInt()).isEqualTo(version);
        assertThat(review.get("completedBy").get("id").asString()).isNotBlank();
        assertThat(review.get("answers").get(0).get("question").asString()).isNotBlank();
        assertThat(review.get("answers").get(0).get("answer").asString()).isEqualTo("SETTLED");
        assertThat(caseloadEntry("RNI", caseId)).as("a completed review leaves the caseload").isNull();
        JsonNode event = topics.await(Topics.RESETTLEMENT, of("resettlement.review.completed", prisonNumber), 1)
                .get(0).data();
        assertThat(event.get("caseId").asString()).isEqualTo(caseId);
        assertThat(event.get("completedOnTime").asBoolean()).isTrue();
        assertThat(event.get("dueBy").asString()).isEqualTo(release.minusWeeks(8).toString());
        assertThat(event.get("questionsVersion").asInt()).isEqualTo(version);
        assertThat(new String(topics.await(Topics.RESETTLEMENT, of("resettlement.review.completed", prisonNumber), 1)
                .get(0).value())).doesNotContain("Met by family");
        assertProblem(http.post("/api/cases/" + caseId + "/pre-release-review", caseworker,
                Map.of("questionsVersion", version, "answers", answers)), 409, null);
        assertThat(timeline(caseId)).contains("PRE_RELEASE_REVIEW_COMPLETED");
        assertThat(management.metrics()).containsPattern(
                "resettlement_pre_release_reviews_completed_total\\{application=\"resettlement-service\",on_time=\"true\",prison=\"RNI\"} [1-9]");
        assertThat(http.get("/api/cases/" + caseId, opsViewer).body().get("preReleaseReview").get("answers").get(6)
                .has("answer")).as("free text is not for ops").isFalse();
    }

    @Test
    void anOverdueReviewIsCountedUntilItIsCompletedLate() {
        // LGI's reviews are this scenario's only: the gauge is exact
        String caseId = openCase(Identifiers.prisonNumber(), "LGI", today.minusDays(100), today.plusDays(30));
        completePlan(caseId);
        assertThat(http.get("/api/cases/" + caseId, caseworker).body().get("preReleaseReview").get("status")
                .asString()).isEqualTo("OVERDUE");
        assertThat(caseloadEntry("LGI", caseId).get("overdue").asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(management.metrics()).contains(
                "resettlement_pre_release_reviews_overdue{application=\"resettlement-service\",prison=\"LGI\"} 1.0"));

        Http.Response late = http.post("/api/cases/" + caseId + "/pre-release-review", caseworker,
                Map.of("questionsVersion", currentVersion("PRE_RELEASE"), "answers", reviewAnswers()));

        assertThat(late.body().get("preReleaseReview").get("completedOnTime").asBoolean()).isFalse();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(management.metrics())
                .doesNotContain("resettlement_pre_release_reviews_overdue{application=\"resettlement-service\",prison=\"LGI\"} 1.0")
                .containsPattern("resettlement_pre_release_reviews_completed_total\\{application=\"resettlement-service\",on_time=\"false\",prison=\"LGI\"} [1-9]"));
    }

    @Test
    void aCaseWithoutAReleaseDateHasNoReviewToDo() {
        String prisonNumber = Identifiers.prisonNumber();
        Map<String, Object> reception = new HashMap<>(reception(prisonNumber, "NMI", today.minusDays(3).toString()));
        reception.remove("expectedReleaseDate");
        String caseId = http.post("/api/cases", caseworker, reception).field("id");
        completePlan(caseId);

        assertThat(http.get("/api/cases/" + caseId, caseworker).body().get("preReleaseReview").get("status")
                .asString()).isEqualTo("NOT_APPLICABLE");
        assertProblem(http.post("/api/cases/" + caseId + "/pre-release-review", caseworker,
                Map.of("questionsVersion", currentVersion("PRE_RELEASE"), "answers", reviewAnswers())), 422,
                "expectedReleaseDate");
    }

    @Test
    void screeningAnswersKeepTheQuestionsOfTheirVersionAfterANewOneIsPublished() {
        String prisonNumber = Identifiers.prisonNumber();
        String caseId = openCase(prisonNumber, "NMI", today.minusDays(1), today.plusMonths(8));
        JsonNode questions = http.get("/api/screening-questions/IMMEDIATE_NEEDS", caseworker).body();
        int version = questions.get("version").asInt();
        String oldText = questions.get("questions").get(0).get("text").asString();
        assertThat(questions.get("questions").get(0).get("id").asString()).isEqualTo("ACCOMMODATION_BEFORE_CUSTODY");
        assertThat(http.get("/api/screening-questions/IMMEDIATE_NEEDS", opsViewer).status()).isEqualTo(200);
        assertThat(http.get("/api/screening-questions/PRE_RELEASE", admin).status()).isEqualTo(200);
        assertThat(http.get("/api/screening-questions/IMMEDIATE_NEEDS", Tokens.forRole("PROVIDER")).status())
                .isEqualTo(403);

        Http.Response screened = http.put("/api/cases/" + caseId + "/screening", caseworker,
                Map.of("questionsVersion", version, "answers", screeningAnswers()));
        assertThat(screened.status()).isEqualTo(200);
        assertThat(screened.field("status")).isEqualTo("PLAN_IN_PROGRESS");

        List<Map<String, Object>> changed = new ArrayList<>();
        questions.get("questions").forEach(q -> {
            Map<String, Object> question = new HashMap<>();
            question.put("id", q.get("id").asString());
            question.put("pathway", q.get("pathway").asString());
            question.put("text", q.get("id").asString().equals("ACCOMMODATION_BEFORE_CUSTODY")
                    ? "Where did they live in the month before custody?" : q.get("text").asString());
            question.put("answerType", q.get("answerType").asString());
            List<String> options = new ArrayList<>();
            q.get("options").forEach(o -> options.add(o.asString()));
            question.put("options", options);
            question.put("required", q.get("required").asBoolean());
            changed.add(question);
        });
        assertThat(http.put("/api/screening-questions/IMMEDIATE_NEEDS", caseworker, Map.of("questions", changed))
                .status()).isEqualTo(403);
        Http.Response published = http.put("/api/screening-questions/IMMEDIATE_NEEDS", admin,
                Map.of("questions", changed));
        assertThat(published.status()).isEqualTo(201);
        assertThat(published.body().get("version").asInt()).isEqualTo(version + 1);

        JsonNode screening = http.get("/api/cases/" + caseId, caseworker).body().get("screening");
        assertThat(screening.get("questionsVersion").asInt()).isEqualTo(version);
        assertThat(screening.get("answeredOn").asString()).isEqualTo(today.toString());
        assertThat(screening.get("answers").get(0).get("question").asString()).isEqualTo(oldText);
        assertThat(screening.get("answers").get(0).get("answer").asString()).isEqualTo("NO_FIXED_ABODE");
        assertThat(http.get("/api/screening-questions/IMMEDIATE_NEEDS/versions/" + version, caseworker).body()
                .get("questions").get(0).get("text").asString()).isEqualTo(oldText);
        assertThat(http.get("/api/screening-questions/IMMEDIATE_NEEDS", caseworker).body().get("questions").get(0)
                .get("text").asString()).isEqualTo("Where did they live in the month before custody?");
        assertProblem(http.put("/api/cases/" + caseId + "/screening", caseworker,
                Map.of("questionsVersion", version, "answers", screeningAnswers())), 422, "questionsVersion");
        JsonNode forOps = http.get("/api/cases/" + caseId, opsViewer).body().get("screening").get("answers");
        assertThat(forOps.get(forOps.size() - 1).has("answer")).as("free text is not for ops").isFalse();
        assertThat(timeline(caseId)).contains("SCREENING_RECORDED");
    }

    @Test
    void badQuestionsAreRefusedNamingTheQuestion() {
        Map<String, Object> good = Map.of("id", "HAS_ID", "pathway", "FINANCE_AND_ID", "text", "ID?",
                "answerType", "YES_NO", "options", List.of(), "required", true);
        int before = currentVersion("PRE_RELEASE");
        assertProblem(http.put("/api/screening-questions/PRE_RELEASE", admin, Map.of("questions", List.of(good, good))),
                422, "questions[1].id");
        assertProblem(http.put("/api/screening-questions/PRE_RELEASE", admin, Map.of("questions", List.of(
                Map.of("id", "HAS_ID", "pathway", "FINANCE_AND_ID", "text", " ", "answerType", "YES_NO")))),
                422, "questions[0].text");
        assertProblem(http.put("/api/screening-questions/PRE_RELEASE", admin, Map.of("questions", List.of(
                Map.of("id", "HOUSING", "pathway", "ACCOMMODATION", "text", "Housing?", "answerType", "CHOICE",
                        "options", List.of())))), 422, "questions[0].options");
        assertThat(currentVersion("PRE_RELEASE")).isEqualTo(before);
        assertThat(http.get("/api/screening-questions/PRE_RELEASE/versions/999", admin).status()).isEqualTo(404);
    }

    String openCase(String prisonNumber, String prisonCode, LocalDate receivedOn, LocalDate release) {
        Map<String, Object> reception = new HashMap<>(reception(prisonNumber, prisonCode, receivedOn.toString()));
        reception.put("expectedReleaseDate", release.toString());
        Http.Response created = http.post("/api/cases", caseworker, reception);
        assertThat(created.status()).isEqualTo(201);
        return created.field("id");
    }

    void completePlan(String caseId) {
        http.put("/api/cases/" + caseId + "/plan", caseworker, plan(MEN, "Summary"));
        assertThat(http.post("/api/cases/" + caseId + "/plan/completion", caseworker, "").status()).isEqualTo(200);
    }

    int currentVersion(String stage) {
        return http.get("/api/screening-questions/" + stage, caseworker).body().get("version").asInt();
    }

    List<String> timeline(String caseId) {
        List<String> types = new ArrayList<>();
        http.get("/api/cases/" + caseId + "/timeline", caseworker).body().get("items")
                .forEach(e -> types.add(e.get("type").asString()));
        return types;
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

    static List<Map<String, Object>> reviewAnswers() {
        return List.of(Map.of("questionId", "ACCOMMODATION_ON_RELEASE", "answer", "SETTLED"),
                Map.of("questionId", "WORK_OR_TRAINING_ARRANGED", "answer", "NO"),
                Map.of("questionId", "ID_AND_BANK_ACCOUNT_READY", "answer", "YES"),
                Map.of("questionId", "BENEFITS_CLAIM_STARTED", "answer", "YES"),
                Map.of("questionId", "COMMUNITY_TREATMENT_BOOKED", "answer", "NOT_NEEDED"),
                Map.of("questionId", "GP_REGISTERED", "answer", "YES"),
                Map.of("questionId", "RELEASE_DAY_NOTES", "answer", "Met by family at the gate"));
    }

    static List<Map<String, Object>> screeningAnswers() {
        return List.of(Map.of("questionId", "ACCOMMODATION_BEFORE_CUSTODY", "answer", "NO_FIXED_ABODE"),
                Map.of("questionId", "TENANCY_AT_RISK", "answer", "NO"),
                Map.of("questionId", "EMPLOYED_BEFORE_CUSTODY", "answer", "NO"),
                Map.of("questionId", "HAS_ID", "answer", "YES"),
                Map.of("questionId", "HAS_BANK_ACCOUNT", "answer", "NO"),
                Map.of("questionId", "SUBSTANCE_MISUSE", "answer", "YES"),
                Map.of("questionId", "HEALTH_NEEDS", "answer", "NO"),
                Map.of("questionId", "DEPENDANTS", "answer", "YES"),
                Map.of("questionId", "OTHER_IMMEDIATE_NEEDS", "answer", "Needs reading glasses"));
    }
}
