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
            LocalDate nextDueBy, Plan plan, Release release, Transfer transfer) {
    }

    public record CaseloadEntry(String caseId, String prisonNumber, String prisonCode, String status, String due,
            LocalDate dueBy, boolean overdue, LocalDate expectedReleaseDate, String responsibleOfficerCode) {
    }

    public record CaseloadQuery(String prisonCode, String status, Boolean overdue, String prisonNumber, String sort,
            String direction, int page, int size) {
    }

    public record Reception(String prisonNumber, String crn, String prisonCode, LocalDate receivedOn,
            LocalDate expectedReleaseDate, String sex, String riskOfSeriousHarm, String responsibleOfficerCode) {
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
