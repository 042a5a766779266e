package uk.probation.gate.web.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;
import uk.probation.gate.web.WebProperties;

/** referral-service's public API (release readiness, referrals, providers, routing), as the person. */
@Component
public class ReferralApi {

    /** Where one need stands for a person due out: state NO_REFERRAL, NOT_NEEDED or REFERRED (then the referral). */
    public record NeedState(String need, Boolean needed, boolean accepted, String state, String referralId,
            String status, String providerCode, LocalDate respondBy) {
    }

    public record ReadinessItem(String prisonNumber, String caseId, String prisonCode, LocalDate expectedReleaseDate,
            long daysToRelease, boolean planCompleted, NeedState accommodation, NeedState ete) {
    }

    public record PersonReference(String prisonNumber, String crn) {
    }

    public record StatusChange(String status, Instant at, String by, String providerCode, String reason, String outcome) {
    }

    public record Referral(String id, PersonReference personReference, String caseId, String need,
            String providerCode, String status, LocalDate respondBy, boolean overdue, String outcome,
            String declineReason, List<StatusChange> history, LocalDate startBy, LocalDate outcomeBy,
            List<Escalation> escalations, List<String> desiredOutcomes, Boolean hasEndOfServiceReport) {

        public List<StatusChange> history() {
            return history == null ? List.of() : history;
        }

        public List<Escalation> escalations() {
            return escalations == null ? List.of() : escalations;
        }

        public List<String> desiredOutcomes() {
            return desiredOutcomes == null ? List.of() : desiredOutcomes;
        }

        public boolean withReport() {
            return Boolean.TRUE.equals(hasEndOfServiceReport);
        }
    }

    /** A stage (RESPONSE, START, OUTCOME) that passed its deadline {@code dueBy}, escalated {@code at}. */
    public record Escalation(String stage, LocalDate dueBy, Instant at) {
    }

    /** What was achieved against one desired outcome: ACHIEVED, PARTIALLY_ACHIEVED or NOT_ACHIEVED. */
    public record Achievement(String desiredOutcome, String achieved, String note) {
    }

    /** The provider's end-of-service report, recorded when it closed the referral. */
    public record EndOfServiceReport(List<Achievement> achievements, String summary, Object recordedBy,
            Instant recordedAt) {

        public List<Achievement> achievements() {
            return achievements == null ? List.of() : achievements;
        }

        /** Who recorded it: an actor's name, or the id the service gives. */
        public String recordedByName() {
            if (recordedBy instanceof java.util.Map<?, ?> actor) {
                Object name = actor.get("name") != null ? actor.get("name") : actor.get("id");
                return name == null ? null : name.toString();
            }
            return recordedBy == null ? null : recordedBy.toString();
        }
    }

    public record Provider(String code, String name, List<String> needs) {
    }

    private final RestClient http;

    ReferralApi(ApiCalls calls, WebProperties properties) {
        this.http = calls.forService("referral-service", properties.services().referral());
    }

    public Page<ReadinessItem> releaseReadiness(int withinDays, String prisonCode, int page, int size) {
        return http.get().uri(uri -> {
            UriBuilder b = uri.path("/api/release-readiness").queryParam("withinDays", withinDays);
            ResettlementApi.optional(b, "prisonCode", prisonCode);
            return b.queryParam("page", page).queryParam("size", size).build();
        }).retrieve().body(new ParameterizedTypeReference<Page<ReadinessItem>>() { });
    }

    /** The referrals made for one case (from its plan or by hand), soonest respond-by first. */
    public List<Referral> forCase(String caseId) {
        Page<Referral> page = http.get()
                .uri(uri -> uri.path("/api/referrals").queryParam("caseId", caseId).queryParam("sort", "respondBy")
                        .queryParam("size", 100).build())
                .retrieve().body(new ParameterizedTypeReference<Page<Referral>>() { });
        return page == null ? List.of() : page.items();
    }

    public Referral get(String id) {
        return http.get().uri("/api/referrals/{id}", id).retrieve().body(Referral.class);
    }

    /** The end-of-service report of a referral; {@link RecordNotFound} when none was recorded. */
    public EndOfServiceReport endOfServiceReport(String referralId) {
        return http.get().uri("/api/referrals/{id}/end-of-service-report", referralId).retrieve()
                .body(EndOfServiceReport.class);
    }

    public List<Provider> providers() {
        Page<Provider> page = http.get().uri("/api/providers?size=100").retrieve()
                .body(new ParameterizedTypeReference<Page<Provider>>() { });
        return page == null ? List.of() : page.items();
    }
}
