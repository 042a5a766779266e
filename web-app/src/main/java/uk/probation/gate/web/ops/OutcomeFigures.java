package uk.probation.gate.web.ops;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import uk.probation.gate.web.WebProperties;
import uk.probation.gate.web.api.ApiCalls;

/** The ops figures the services compute without person identifiers: releases (resettlement), unpaid work. */
@Component
class OutcomeFigures {

    /** One group of releases: prisonCode and/or sex, then counts and shares (0..1). */
    public record Releases(String prisonCode, String sex, long released, Map<String, Long> accommodation,
            Map<String, Long> ete, double homelessShare, double noWorkShare) {

        public long count(Map<String, Long> counts, String code) {
            Long value = counts == null ? null : counts.get(code);
            return value == null ? 0 : value;
        }

        public long homeless() {
            return count(accommodation, "NO_FIXED_ABODE");
        }

        public long noWork() {
            return count(ete, "NONE");
        }
    }

    record ReleasesPage(List<Releases> items) {
    }

    /** One group of unpaid work orders: areaCode and/or sex, then counts and shares (0..1, null when nothing). */
    public record UnpaidWork(String areaCode, String sex, long orders, long completed, long completedWithin12Months,
            Double positiveCompletionShare, double targetShare, long sessionsBooked, long sentHomeServiceIssue,
            long stoodDown, Double sentHomeShare) {
    }

    record UnpaidWorkPage(String groupBy, List<UnpaidWork> items) {
    }

    private final RestClient resettlement;
    private final RestClient communityPayback;

    OutcomeFigures(ApiCalls calls, WebProperties properties) {
        this.resettlement = calls.forService("resettlement-service", properties.services().resettlement());
        this.communityPayback = calls.forService("community-payback-service",
                properties.services().communityPayback());
    }

    List<Releases> releases(String groupBy) {
        ReleasesPage page = resettlement.get().uri(uri -> uri.path("/api/outcomes/releases")
                .queryParam("groupBy", groupBy).build()).retrieve().body(ReleasesPage.class);
        return page == null || page.items() == null ? List.of() : page.items();
    }

    List<UnpaidWork> unpaidWork(String groupBy) {
        UnpaidWorkPage page = communityPayback.get().uri(uri -> uri.path("/api/outcomes/unpaid-work")
                .queryParam("groupBy", groupBy).build()).retrieve().body(UnpaidWorkPage.class);
        return page == null || page.items() == null ? List.of() : page.items();
    }
}
