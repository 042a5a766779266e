package uk.probation.gate.web.admin;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;
import uk.probation.gate.web.WebProperties;
import uk.probation.gate.web.api.ApiCalls;
import uk.probation.gate.web.api.Page;

/** What an administrator changes: referral-service's routing table, notifications' recipients and templates. */
@Component
class AdminApi {

    /** {@code startDays} and {@code outcomeDays} (the stage timers) are carried through unchanged; null is left out. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Rule(String need, String prisonCode, String areaCode, String sex, String maxRisk,
            String providerCode, int priority, int responseDays, Integer startDays, Integer outcomeDays) {

        Rule with(String provider, int newPriority, int newResponseDays) {
            return new Rule(need, prisonCode, areaCode, sex, maxRisk, provider, newPriority, newResponseDays,
                    startDays, outcomeDays);
        }
    }

    /** The table in the order rules are tried, and its version (the ETag) for If-Match. */
    public record RoutingTable(List<Rule> rules, long version) {
    }

    public record Change(String changedBy, Instant changedAt) {
    }

    public record Provider(String code, String name, List<String> needs) {
    }

    public record Recipient(String code, String kind, String email, String language, String quietHours,
            Instant updatedAt) {
    }

    public record Template(String id, String name, String language, String eventType, String subject, String body,
            Instant updatedAt) {
    }

    private final RestClient referral;
    private final RestClient notifications;

    AdminApi(ApiCalls calls, WebProperties properties) {
        this.referral = calls.forService("referral-service", properties.services().referral());
        this.notifications = calls.forService("notifications-service", properties.services().notifications());
    }

    RoutingTable routingTable() {
        ResponseEntity<Page<Rule>> answer = referral.get().uri("/api/routing-rules?size=200").retrieve()
                .toEntity(new ParameterizedTypeReference<Page<Rule>>() { });
        return new RoutingTable(answer.getBody() == null ? List.of() : answer.getBody().items(),
                version(answer.getHeaders().getETag()));
    }

    /** Replaces the table if it is still at {@code version}; 409 when someone changed it meanwhile. */
    RoutingTable replaceRoutingTable(List<Rule> rules, long version) {
        ResponseEntity<Page<Rule>> answer = referral.put().uri("/api/routing-rules")
                .header("If-Match", "\"" + version + "\"")
                .body(Map.of("rules", rules)).retrieve()
                .toEntity(new ParameterizedTypeReference<Page<Rule>>() { });
        return new RoutingTable(answer.getBody() == null ? List.of() : answer.getBody().items(),
                version(answer.getHeaders().getETag()));
    }

    /** The latest change to the routing table: who and when. */
    Change lastRoutingChange() {
        Page<Change> changes = referral.get().uri("/api/routing-rules/changes?size=1").retrieve()
                .body(new ParameterizedTypeReference<Page<Change>>() { });
        return changes == null || changes.items().isEmpty() ? null : changes.items().get(0);
    }

    List<Provider> providers() {
        Page<Provider> page = referral.get().uri("/api/providers?size=100").retrieve()
                .body(new ParameterizedTypeReference<Page<Provider>>() { });
        return page == null ? List.of() : page.items();
    }

    Page<Recipient> recipients(String kind, int page, int size) {
        return notifications.get().uri(uri -> {
            UriBuilder b = uri.path("/api/recipients");
            if (kind != null) {
                b.queryParam("kind", kind);
            }
            return b.queryParam("page", page).queryParam("size", size).build();
        }).retrieve().body(new ParameterizedTypeReference<Page<Recipient>>() { });
    }

    Recipient recipient(String code) {
        return notifications.get().uri("/api/recipients/{code}", code).retrieve().body(Recipient.class);
    }

    Recipient putRecipient(String code, Map<String, String> entry) {
        return notifications.put().uri("/api/recipients/{code}", code).body(entry).retrieve().body(Recipient.class);
    }

    List<Template> templates() {
        List<Template> all = notifications.get().uri("/api/templates").retrieve()
                .body(new ParameterizedTypeReference<List<Template>>() { });
        return all == null ? List.of() : all;
    }

    Template template(String id) {
        return notifications.get().uri("/api/templates/{id}", id).retrieve().body(Template.class);
    }

    Template putTemplate(String id, String subject, String body) {
        return notifications.put().uri("/api/templates/{id}", id).body(Map.of("subject", subject, "body", body))
                .retrieve().body(Template.class);
    }

    private static long version(String etag) {
        if (etag == null) {
            return -1;
        }
        try {
            return Long.parseLong(etag.replace("W/", "").replace("\"", "").trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
