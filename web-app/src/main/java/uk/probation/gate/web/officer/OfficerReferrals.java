package uk.probation.gate.web.officer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;
import uk.probation.gate.web.WebProperties;
import uk.probation.gate.web.api.ApiCalls;
import uk.probation.gate.web.api.Page;
import uk.probation.gate.web.api.ReferralApi;

/**
 * referral-service as a responsible officer reads it: the referrals of their own people (referral-service filters
 * the list to the token's {@code officer} claim and answers 404 for another officer's), one referral, and its
 * end-of-service report. Read only.
 */
@Component
class OfficerReferrals {

    public record PersonReference(String prisonNumber, String crn) {
    }

    public record HistoryEntry(String status, Instant at, String by, String providerCode, String reason,
            String outcome) {
    }

    /** A stage (RESPONSE, START, OUTCOME) that passed its deadline {@code dueBy}, escalated {@code at}. */
    public record Escalation(String stage, LocalDate dueBy, Instant at) {
    }

    public record Referral(String id, PersonReference personReference, String need, String providerCode,
            String status, LocalDate respondBy, boolean overdue, String caseId, String prisonCode, String areaCode,
            String outcome, String closedReason, Instant createdAt, List<HistoryEntry> history,
            List<String> desiredOutcomes, LocalDate startBy, LocalDate outcomeBy, List<Escalation> escalations,
            Boolean hasEndOfServiceReport) {

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

        /** The person as probation knows them: CRN and prison number, whichever are known. */
        public String person() {
            if (personReference == null) {
                return "Unknown";
            }
            if (personReference.prisonNumber() != null && personReference.crn() != null) {
                return personReference.crn() + " (" + personReference.prisonNumber() + ")";
            }
            return personReference.prisonNumber() != null ? personReference.prisonNumber() : personReference.crn();
        }

        /** The current stage's deadline: respond by (SENT), start by (ACCEPTED), outcome by (IN_PROGRESS). */
        public Deadline deadline() {
            if (status == null) {
                return null;
            }
            return switch (status) {
                case "SENT" -> respondBy == null ? null : new Deadline("Respond by", respondBy);
                case "ACCEPTED" -> startBy == null ? null : new Deadline("Start by", startBy);
                case "IN_PROGRESS" -> outcomeBy == null ? null : new Deadline("Outcome by", outcomeBy);
                default -> null;
            };
        }
    }

    /** The day the provider's current step is due. */
    public record Deadline(String label, LocalDate day) {
    }

    private final RestClient http;

    OfficerReferrals(ApiCalls calls, WebProperties properties) {
        this.http = calls.forService("referral-service", properties.services().referral());
    }

    /** The officer's people's referrals, newest first; only these statuses when any are given. */
    Page<Referral> list(List<String> statuses, int page, int size) {
        return http.get().uri(uri -> {
            UriBuilder b = uri.path("/api/referrals").queryParam("sort", "newest");
            statuses.forEach(s -> b.queryParam("status", s));
            return b.queryParam("page", page).queryParam("size", size).build();
        }).retrieve().body(new ParameterizedTypeReference<Page<Referral>>() { });
    }

    Referral get(String id) {
        return http.get().uri("/api/referrals/{id}", id).retrieve().body(Referral.class);
    }

    /** The report recorded on closing; {@link uk.probation.gate.web.api.RecordNotFound} when none. */
    ReferralApi.EndOfServiceReport endOfServiceReport(String id) {
        return http.get().uri("/api/referrals/{id}/end-of-service-report", id).retrieve()
                .body(ReferralApi.EndOfServiceReport.class);
    }
}
