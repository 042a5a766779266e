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
            String declineReason, List<StatusChange> history) {

        public List<StatusChange> history() {
            return history == null ? List.of() : history;
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

    public List<Provider> providers() {
        Page<Provider> page = http.get().uri("/api/providers?size=100").retrieve()
                .body(new ParameterizedTypeReference<Page<Provider>>() { });
        return page == null ? List.of() : page.items();
    }
}
