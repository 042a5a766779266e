package uk.probation.gate.web.dataprotection;

import uk.probation.gate.web.api.Service;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import uk.probation.gate.web.WebProperties;
import uk.probation.gate.web.api.ApiCalls;
import uk.probation.gate.web.api.Page;

/**
 * What every service serves the same way for data protection, called with the signed-in admin's own token: the
 * audit trail ({@code /api/audit}), the retention policies and their purge ({@code /api/admin/retention}) and the
 * HMPPS subject access request ({@code /subject-access-request}).
 */
@Component
class DataProtectionApi {

    /** One row of a service's audit trail: who did what, when; changed fields by name only. */
    public record AuditEntry(String id, Instant at, String actor, String client, String entity, String entityId,
            String action, String operation, List<String> changedFields, List<String> events, String correlationId) {

        public List<String> changedFields() {
            return changedFields == null ? List.of() : changedFields;
        }
    }

    /** {@code period} is ISO 8601 (P7Y, PT24H); runs and counts are null before the first run. */
    public record Policy(String name, String description, String period, Instant lastRunAt, Long lastPurged,
            Long totalPurged) {
    }

    public record PurgeResult(Instant ranAt, Map<String, Long> purged) {

        public Map<String, Long> purged() {
            return purged == null ? Map.of() : purged;
        }
    }

    /** A service's answer to a subject access request: 200 with {@code content}, 204 or 209 without. */
    public record SarAnswer(int status, JsonNode content) {
    }

    /** A service that has not answered by then "did not answer": one slow service does not hold up the page. */
    static final java.time.Duration READ_TIMEOUT = java.time.Duration.ofSeconds(30);

    private final Map<Service, RestClient> clients = new LinkedHashMap<>();
    private final ObjectMapper json;

    DataProtectionApi(ApiCalls calls, WebProperties properties, ObjectMapper json) {
        this.json = json;
        for (Service service : Service.values()) {
            clients.put(service, calls.forService(service.id(), service.baseUrlIn(properties.services()), READ_TIMEOUT));
        }
    }

    /** {@code from} inclusive, {@code to} exclusive; null leaves that end open. */
    Page<AuditEntry> audit(Service service, String entityId, String actor, Instant from, Instant to, int page,
            int size) {
        Page<AuditEntry> answer = clients.get(service).get().uri(uri -> {
            UriBuilder b = uri.path("/api/audit");
            if (entityId != null) {
                b.queryParam("entityId", "{entityId}");
            }
            if (actor != null) {
                b.queryParam("actor", "{actor}");
            }
            if (from != null) {
                b.queryParam("from", from.toString());
            }
            if (to != null) {
                b.queryParam("to", to.toString());
            }
            Map<String, String> values = new LinkedHashMap<>();
            if (entityId != null) {
                values.put("entityId", entityId);
            }
            if (actor != null) {
                values.put("actor", actor);
            }
            return b.queryParam("page", page).queryParam("size", size).build(values);
        }).retrieve().body(new ParameterizedTypeReference<Page<AuditEntry>>() { });
        return answer == null ? Page.empty(size) : answer;
    }

    List<Policy> retention(Service service) {
        List<Policy> policies = clients.get(service).get().uri("/api/admin/retention").retrieve()
                .body(new ParameterizedTypeReference<List<Policy>>() { });
        return policies == null ? List.of() : policies;
    }

    /** Runs the service's purge now; an {@code ApiProblem} with 409 while another instance is purging. */
    PurgeResult runRetention(Service service) {
        return clients.get(service).post().uri("/api/admin/retention/run").retrieve().body(PurgeResult.class);
    }

    /** The identifiers go as URI variables (encoded), never into a log line. */
    SarAnswer subjectAccess(Service service, String prn, String crn, LocalDate fromDate, LocalDate toDate) {
        ResponseEntity<String> answer = clients.get(service).get().uri(uri -> {
            UriBuilder b = uri.path("/subject-access-request");
            Map<String, String> values = new LinkedHashMap<>();
            if (prn != null) {
                b.queryParam("prn", "{prn}");
                values.put("prn", prn);
            }
            if (crn != null) {
                b.queryParam("crn", "{crn}");
                values.put("crn", crn);
            }
            if (fromDate != null) {
                b.queryParam("fromDate", fromDate.toString());
            }
            if (toDate != null) {
                b.queryParam("toDate", toDate.toString());
            }
            return b.build(values);
        }).retrieve().toEntity(String.class);
        int status = answer.getStatusCode().value();
        JsonNode content = null;
        if (status == 200 && answer.getBody() != null && !answer.getBody().isBlank()) {
            content = json.readTree(answer.getBody()).get("content");
        }
        return new SarAnswer(status, content);
    }
}
