package uk.probation.gate.web.ops;

import java.time.LocalDate;
import java.util.List;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;
import uk.probation.gate.web.WebProperties;
import uk.probation.gate.web.api.ApiCalls;
import uk.probation.gate.web.api.Page;

/** referral-service's provider performance: per provider and period, counts, median days and outcomes by need. */
@Component
class ProviderPerformance {

    public record OutcomeCount(String need, String outcome, long count) {
    }

    public record Provider(String providerCode, String providerName, long referralsReceived, long accepted,
            long declined, long escalations, Double medianDaysToAccept, Double medianDaysToStart,
            List<OutcomeCount> outcomes) {

        public List<OutcomeCount> outcomes() {
            return outcomes == null ? List.of() : outcomes;
        }
    }

    private final RestClient http;

    ProviderPerformance(ApiCalls calls, WebProperties properties) {
        this.http = calls.forService("referral-service", properties.services().referral());
    }

    /** Every provider's figures from {@code from} to {@code to} (the service's default, the last 90 days, if null). */
    Page<Provider> between(LocalDate from, LocalDate to) {
        return http.get().uri(uri -> {
            UriBuilder b = uri.path("/api/provider-performance");
            if (from != null) {
                b.queryParam("from", from);
            }
            if (to != null) {
                b.queryParam("to", to);
            }
            return b.queryParam("size", 100).build();
        }).retrieve().body(new ParameterizedTypeReference<Page<Provider>>() { });
    }
}
