package uk.probation.gate.platform.audit;

import java.time.Instant;
import java.util.List;

/**
 * One state change: who ({@code actor} is the token's {@code sub}, {@code client} its {@code client_id}; "system" for
 * an event or a job), when, what ({@code entity} is the collection, {@code entityId} the record, {@code action}
 * created, updated or deleted, {@code operation} the endpoint pattern or the event type that caused it, the names of
 * the {@code changedFields}, never their values) and the request's {@code correlationId}. Append-only.
 */
public record AuditEntry(
        String id,
        Instant at,
        String actor,
        String client,
        String entity,
        String entityId,
        String action,
        String operation,
        List<String> changedFields,
        List<String> events,
        String correlationId) {
}
