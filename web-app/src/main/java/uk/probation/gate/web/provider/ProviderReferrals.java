package uk.probation.gate.web.provider;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;
import uk.probation.gate.web.WebProperties;
import uk.probation.gate.web.api.ApiCalls;
import uk.probation.gate.web.api.Page;

/** referral-service as a provider's referrals team uses it: its inbox, one referral, and the provider's steps. */
@Component
class ProviderReferrals {

    public record PersonReference(String prisonNumber, String crn) {
    }

    public record HistoryEntry(String status, Instant at, String by, String providerCode, String reason, String outcome) {
    }

    public record Referral(String id, PersonReference personReference, String need, String providerCode, String status,
            LocalDate respondBy, boolean overdue, String prisonCode, String areaCode, String sex,
            String riskOfSeriousHarm, String outcome, Instant createdAt, Instant sentAt, Instant acceptedAt,
            List<HistoryEntry> history, LocalDate startBy, LocalDate outcomeBy, List<Escalation> escalations,
            List<String> desiredOutcomes, Boolean hasEndOfServiceReport) {

        public List<HistoryEntry> history() {
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

        /** The person as the provider knows them: prison number, else CRN. */
        public String person() {
            if (personReference == null) {
                return "Unknown";
            }
            return personReference.prisonNumber() != null ? personReference.prisonNumber() : personReference.crn();
        }
    }

    /** A stage (RESPONSE, START, OUTCOME) that passed its deadline {@code dueBy}, escalated {@code at}. */
    public record Escalation(String stage, LocalDate dueBy, Instant at) {
    }

    /** What was achieved against one desired outcome: ACHIEVED, PARTIALLY_ACHIEVED or NOT_ACHIEVED. */
    public record Achievement(String desiredOutcome, String achieved, String note) {
    }

    /** The end-of-service report as the provider sends it on closing. */
    public record Report(List<Achievement> achievements, String summary) {
    }

    private final RestClient http;

    ProviderReferrals(ApiCalls calls, WebProperties properties) {
        this.http = calls.forService("referral-service", properties.services().referral());
    }

    /** The provider's own referrals in these statuses: overdue first, then the soonest respond-by. */
    Page<Referral> inbox(List<String> statuses, int page, int size) {
        return list(statuses, "respondBy", page, size);
    }

    /** How many of the provider's own referrals are in these statuses (no referral is read). */
    long total(List<String> statuses) {
        return list(statuses, "newest", 0, 0).total();
    }

    /** The provider's own referrals in these statuses, newest first. */
    Page<Referral> newest(List<String> statuses, int page, int size) {
        return list(statuses, "newest", page, size);
    }

    private Page<Referral> list(List<String> statuses, String sort, int page, int size) {
        return http.get().uri(uri -> {
            UriBuilder b = uri.path("/api/referrals").queryParam("sort", sort);
            statuses.forEach(s -> b.queryParam("status", s));
            return b.queryParam("page", page).queryParam("size", size).build();
        }).retrieve().body(new ParameterizedTypeReference<Page<Referral>>() { });
    }

    Referral get(String id) {
        return http.get().uri("/api/referrals/{id}", id).retrieve().body(Referral.class);
    }

    void accept(String id, String key) {
        step(id, "acceptance", Map.of(), key);
    }

    void decline(String id, String reason, String key) {
        step(id, "decline", Map.of("reason", reason), key);
    }

    void start(String id, String key) {
        step(id, "start", Map.of(), key);
    }

    void recordOutcome(String id, String outcome, String key) {
        step(id, "outcome", Map.of("outcome", outcome), key);
    }

    /** Closes the referral (OUTCOME_RECORDED to CLOSED), with the end-of-service report when there is one. */
    void close(String id, Report report, String key) {
        step(id, "closure", report == null ? Map.of() : Map.of("endOfServiceReport", report), key);
    }

    /** The report recorded on closing; {@link uk.probation.gate.web.api.RecordNotFound} when none. */
    uk.probation.gate.web.api.ReferralApi.EndOfServiceReport endOfServiceReport(String id) {
        return http.get().uri("/api/referrals/{id}/end-of-service-report", id).retrieve()
                .body(uk.probation.gate.web.api.ReferralApi.EndOfServiceReport.class);
    }

    private void step(String id, String step, Map<String, ?> body, String key) {
        http.post().uri("/api/referrals/{id}/" + step, id)
                .headers(h -> {
                    if (key != null && !key.isBlank()) {
                        h.set("Idempotency-Key", key);
                    }
                })
                .body(body).retrieve().toBodilessEntity();
    }
}
