package uk.probation.gate.web.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;
import uk.probation.gate.web.WebProperties;

/** resettlement-service's public API (cases, caseload, plans, releases, timeline, outcomes), as the person. */
@Component
public class ResettlementApi {

    public record Actor(String id, String name) {
    }

    public record Need(String pathway, String status, String note) {
    }

    public record Plan(int version, List<Need> needs, String riskOfHarmSummary, LocalDate completedOn,
            Boolean completedOnTime, Actor updatedBy, Instant updatedAt) {

        public List<Need> needs() {
            return needs == null ? List.of() : needs;
        }
    }

    public record Release(LocalDate releasedOn, String accommodationOnRelease, String eteOnRelease, boolean metAtGate,
            boolean outcomeRecorded, String reason) {
    }

    public record Transfer(String toPrisonCode, LocalDate transferredOn) {
    }

    public record Case(String id, long version, String prisonNumber, String crn, String prisonCode, String status,
            LocalDate receivedOn, LocalDate expectedReleaseDate, String sex, String riskOfSeriousHarm,
            String responsibleOfficerCode, LocalDate screeningDueBy, LocalDate preReleaseReviewFrom, String nextDue,
            LocalDate nextDueBy, Plan plan, Release release, Transfer transfer, Boolean recall, String allocatedTo,
            String allocatedToName, PreReleaseReview preReleaseReview, Screening screening, String supersededBy) {

        /** Open: details, allocation, screening and the review can still change. */
        public boolean open() {
            return !java.util.Set.of("RELEASED", "TRANSFERRED", "SUPERSEDED").contains(status);
        }

        public boolean isRecall() {
            return Boolean.TRUE.equals(recall);
        }
    }

    /** One answer as the case holds it: the question's text of the version that was answered. */
    public record Answer(String questionId, String question, Object answer) {
    }

    /** The pre-release review: status NOT_DUE, DUE, OVERDUE, COMPLETED or NOT_APPLICABLE (no release date). */
    public record PreReleaseReview(LocalDate dueFrom, LocalDate dueBy, String status, LocalDate completedOn,
            Actor completedBy, Boolean completedOnTime, Integer questionsVersion, List<Answer> answers) {

        public List<Answer> answers() {
            return answers == null ? List.of() : answers;
        }
    }

    /** The immediate-needs screening as recorded. */
    public record Screening(Integer questionsVersion, Object answeredOn, Object answeredBy, List<Answer> answers) {

        public List<Answer> answers() {
            return answers == null ? List.of() : answers;
        }

        /** Who answered: an Actor's name, or the text the service gives. */
        @SuppressWarnings("unchecked")
        public String answeredByName() {
            if (answeredBy instanceof Map<?, ?> actor) {
                Object name = ((Map<String, Object>) actor).get("name");
                return name == null ? null : name.toString();
            }
            return answeredBy == null ? null : answeredBy.toString();
        }

        /** When: a date or an instant, as the service gives it, shown as a day. */
        public LocalDate answeredOnDate() {
            if (answeredOn == null) {
                return null;
            }
            String text = answeredOn.toString();
            try {
                return text.length() > 10 ? java.time.Instant.parse(text).atZone(java.time.ZoneId.of("Europe/London"))
                        .toLocalDate() : LocalDate.parse(text);
            } catch (RuntimeException unparsable) {
                return null;
            }
        }
    }

    public record CaseloadEntry(String caseId, String prisonNumber, String prisonCode, String status, String due,
            LocalDate dueBy, boolean overdue, LocalDate expectedReleaseDate, String responsibleOfficerCode,
            String allocatedTo, String allocatedToName, Boolean recall, String crn) {

        public boolean isRecall() {
            return Boolean.TRUE.equals(recall);
        }
    }

    /** {@code allocatedTo} a user id or {@code me}; {@code unallocated} true for cases nobody holds. */
    public record CaseloadQuery(String prisonCode, String status, Boolean overdue, String prisonNumber, String sort,
            String direction, int page, int size, String allocatedTo, Boolean unallocated) {
    }

    /** The case's editable details, all of them (PUT replaces them). */
    public record Details(String crn, LocalDate expectedReleaseDate, String sex, String riskOfSeriousHarm,
            String responsibleOfficerCode, boolean recall) {
    }

    /** One question of a version of the screening questions; answerType YES_NO, CHOICE or TEXT. */
    public record Question(String id, String pathway, String text, String answerType, List<String> options,
            boolean required) {

        public List<String> options() {
            return options == null ? List.of() : options;
        }
    }

    /** A version of a stage's questions (IMMEDIATE_NEEDS or PRE_RELEASE). */
    public record Questions(String stage, int version, java.time.Instant publishedAt, List<Question> questions) {

        public List<Question> questions() {
            return questions == null ? List.of() : questions;
        }
    }

    public record GivenAnswer(String questionId, String answer) {
    }

    public record Answers(int questionsVersion, List<GivenAnswer> answers) {
    }

    public record Reception(String prisonNumber, String crn, String prisonCode, LocalDate receivedOn,
            LocalDate expectedReleaseDate, String sex, String riskOfSeriousHarm, String responsibleOfficerCode,
            Boolean recall) {
    }

    public record PlanChange(List<Need> needs, String riskOfHarmSummary) {
    }

    public record ReleaseOutcome(LocalDate releasedOn, String accommodationOnRelease, String eteOnRelease,
            Boolean metAtGate) {
    }

    public record TimelineEntry(Instant at, String type, Actor by, String summary, Map<String, Object> details) {
    }

    private final RestClient http;

    ResettlementApi(ApiCalls calls, WebProperties properties) {
        this.http = calls.forService("resettlement-service", properties.services().resettlement());
    }

    public Page<CaseloadEntry> caseload(CaseloadQuery q) {
        return http.get().uri(uri -> {
            UriBuilder b = uri.path("/api/caseload");
            optional(b, "prisonCode", q.prisonCode());
            optional(b, "status", q.status());
            optional(b, "overdue", q.overdue());
            optional(b, "prisonNumber", q.prisonNumber());
            optional(b, "sort", q.sort());
            optional(b, "direction", q.direction());
            optional(b, "allocatedTo", q.allocatedTo());
            optional(b, "unallocated", q.unallocated());
            return b.queryParam("page", q.page()).queryParam("size", q.size()).build();
        }).retrieve().body(new ParameterizedTypeReference<Page<CaseloadEntry>>() { });
    }

    public Case get(String caseId) {
        return http.get().uri("/api/cases/{id}", caseId).retrieve().body(Case.class);
    }

    /** Opens the case for a reception; the same reception twice returns the same case. */
    public Case receive(Reception reception, String idempotencyKey) {
        return http.post().uri("/api/cases").headers(h -> ApiCalls.idempotencyKey(h, idempotencyKey))
                .body(reception).retrieve().body(Case.class);
    }

    /** Saves the draft plan, unless someone saved a newer version since {@code version} (then a 409 problem). */
    public Case savePlan(String caseId, long version, PlanChange plan) {
        return http.put().uri("/api/cases/{id}/plan", caseId).header("If-Match", ApiCalls.ifMatch(version))
                .body(plan).retrieve().body(Case.class);
    }

    public Case completePlan(String caseId, long version, String idempotencyKey) {
        return http.post().uri("/api/cases/{id}/plan/completion", caseId)
                .header("If-Match", ApiCalls.ifMatch(version))
                .headers(h -> ApiCalls.idempotencyKey(h, idempotencyKey))
                .retrieve().body(Case.class);
    }

    public Case recordRelease(String caseId, long version, ReleaseOutcome release, String idempotencyKey) {
        return http.post().uri("/api/cases/{id}/release", caseId).header("If-Match", ApiCalls.ifMatch(version))
                .headers(h -> ApiCalls.idempotencyKey(h, idempotencyKey))
                .body(release).retrieve().body(Case.class);
    }

    /** Completes or corrects the case's details, unless someone changed the case since {@code version} (409/412). */
    public Case updateDetails(String caseId, long version, Details details) {
        return http.put().uri("/api/cases/{id}/details", caseId).header("If-Match", ApiCalls.ifMatch(version))
                .body(details).retrieve().body(Case.class);
    }

    /** Allocates the case to a caseworker by user id ({@code me} for the person signed in). */
    public Case allocate(String caseId, String caseworker) {
        return http.put().uri("/api/cases/{id}/allocation", caseId).body(Map.of("caseworker", caseworker))
                .retrieve().body(Case.class);
    }

    public Case deallocate(String caseId) {
        return http.delete().uri("/api/cases/{id}/allocation", caseId).retrieve().body(Case.class);
    }

    /** The current version of a stage's screening questions. */
    public Questions questions(String stage) {
        return http.get().uri("/api/screening-questions/{stage}", stage).retrieve().body(Questions.class);
    }

    public Questions questions(String stage, int version) {
        return http.get().uri("/api/screening-questions/{stage}/versions/{v}", stage, version).retrieve()
                .body(Questions.class);
    }

    /** Publishes a new version of a stage's questions (ADMIN); the new version. */
    public Questions publishQuestions(String stage, List<Question> questions) {
        return http.put().uri("/api/screening-questions/{stage}", stage).body(Map.of("questions", questions))
                .retrieve().body(Questions.class);
    }

    /** Records the immediate-needs screening. */
    public Case recordScreening(String caseId, Answers answers) {
        return http.put().uri("/api/cases/{id}/screening", caseId).body(answers).retrieve().body(Case.class);
    }

    public Case completePreReleaseReview(String caseId, Answers answers, String idempotencyKey) {
        return http.post().uri("/api/cases/{id}/pre-release-review", caseId)
                .headers(h -> ApiCalls.idempotencyKey(h, idempotencyKey)).body(answers).retrieve().body(Case.class);
    }

    public List<TimelineEntry> timeline(String caseId) {
        Page<TimelineEntry> page = http.get().uri("/api/cases/{id}/timeline?size=200", caseId).retrieve()
                .body(new ParameterizedTypeReference<Page<TimelineEntry>>() { });
        return page == null ? List.of() : page.items();
    }

    static void optional(UriBuilder builder, String name, Object value) {
        if (value != null && !(value instanceof String s && s.isBlank())) {
            builder.queryParam(name, value);
        }
    }
}
