package uk.probation.gate.platform.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Reads a running service's OpenAPI document for every state-changing operation and its audit trail for the rows a
 * caller left, so a test can prove each operation records who did it, and fails when an endpoint is added without.
 */
public final class AuditCoverage {

    private static final Set<String> CHANGING = Set.of("post", "put", "patch", "delete");

    private AuditCoverage() {
    }

    /** Every POST, PUT, PATCH and DELETE in {@code /v3/api-docs}, as "METHOD /path/{variable}". */
    public static Set<String> stateChangingOperations(Http http) {
        Http.Response docs = http.get("/v3/api-docs", null);
        if (docs.status() != 200) {
            throw new AssertionError("GET /v3/api-docs answered " + docs.status());
        }
        Set<String> operations = new TreeSet<>();
        docs.body().get("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            if (CHANGING.contains(method.getKey())) {
                operations.add(method.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
            }
        }));
        return operations;
    }

    /** The audit rows {@code actor} left, newest first (read as ADMIN through {@code GET /api/audit}). */
    public static List<JsonNode> rowsBy(Http http, String actor) {
        Http.Response page = http.get("/api/audit?actor=" + actor + "&size=200", Tokens.forRole("ADMIN"));
        if (page.status() != 200) {
            throw new AssertionError("GET /api/audit answered " + page.status() + ": " + page.body());
        }
        List<JsonNode> rows = new ArrayList<>();
        page.body().get("items").forEach(rows::add);
        return rows;
    }

    /** The operations {@code actor}'s audit rows name. */
    public static Set<String> operationsBy(Http http, String actor) {
        Set<String> operations = new TreeSet<>();
        rowsBy(http, actor).forEach(row -> operations.add(row.get("operation").asString()));
        return operations;
    }
}
