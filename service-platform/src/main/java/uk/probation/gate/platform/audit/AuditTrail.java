package uk.probation.gate.platform.audit;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.slf4j.MDC;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerMapping;
import uk.probation.gate.platform.security.PersonIdentifiers;
import uk.probation.gate.platform.paging.Page;

/**
 * The service's audit trail (ADR 0009): one append-only row per state change in {@value #COLLECTION}. Every
 * aggregate save records itself through {@code AggregateStore}; a service writing another collection calls
 * {@link #record} after its write. The actor comes from the request's token; outside a request (an event, a job) it is
 * "system" and the operation names the event type.
 */
public class AuditTrail {

    public static final String COLLECTION = "audit_log";
    /** MDC key of the request's correlation id (the {@code X-Correlation-Id} header, or the inbound event id). */
    public static final String CORRELATION_ID = "correlationId";
    /** MDC key naming what caused a change outside a request, e.g. {@code event resettlement.plan.completed}. */
    public static final String CAUSE = "cause";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final javax.crypto.spec.SecretKeySpec pseudonymKey;

    /** With the dev pseudonym key: tests and the local stack. */
    public AuditTrail(MongoTemplate mongo, Clock clock) {
        this(mongo, clock, "dev-audit-pseudonym-key");
    }

    /**
     * @param pseudonymKey the secret that keys the pseudonyms of person identifiers ({@code platform.audit.pseudonym-key})
     */
    public AuditTrail(MongoTemplate mongo, Clock clock, String pseudonymKey) {
        this.mongo = mongo;
        this.clock = clock;
        this.pseudonymKey = new javax.crypto.spec.SecretKeySpec(
                pseudonymKey.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256");
    }

    /**
     * A prison number or CRN in a record id (a person's copy keyed by it, a subject access request, a message id
     * naming its recipient) is kept as a keyed pseudonym: the trail still answers "who touched this person's records" when asked by the
     * identifier, but holds no identifier once the person's records are erased (ADR 0009).
     */
    public String entityKey(String entityId) {
        return PersonIdentifiers.replaceEach(entityId, this::pseudonym);
    }

    private String pseudonym(String identifier) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(pseudonymKey);
            byte[] digest = mac.doFinal(identifier.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "person-" + java.util.HexFormat.of().formatHex(digest, 0, 12);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public void createIndexes() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("at", Sort.Direction.DESC).named("at"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("entityId", Sort.Direction.ASC)
                .on("at", Sort.Direction.DESC).named("entityId_at"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("actor", Sort.Direction.ASC)
                .on("at", Sort.Direction.DESC).named("actor_at"));
    }

    /** Records that {@code entity} (a collection) record {@code entityId} was created, updated or deleted. */
    public AuditEntry record(String entity, String entityId, String action, Collection<String> changedFields) {
        return record(entity, entityId, action, changedFields, List.of());
    }

    public AuditEntry record(String entity, String entityId, String action, Collection<String> changedFields,
            Collection<String> events) {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        String actor = "system";
        String client = null;
        if (who != null && who.isAuthenticated()) {
            actor = who.getName();
            if (who instanceof JwtAuthenticationToken token) {
                client = token.getToken().getClaimAsString("client_id");
                if (client == null) {
                    client = token.getToken().getClaimAsString("azp");
                }
            }
        }
        AuditEntry entry = new AuditEntry(UUID.randomUUID().toString(), clock.instant(), actor, client, entity,
                entityKey(entityId), action, operation(), List.copyOf(changedFields), List.copyOf(events),
                MDC.get(CORRELATION_ID));
        mongo.insert(toDocument(entry), COLLECTION);
        return entry;
    }

    /** The endpoint pattern (e.g. {@code PUT /api/cases/{caseId}/plan}) or what caused the change outside a request. */
    private static String operation() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            return request.getMethod() + " " + (pattern != null ? pattern : request.getRequestURI());
        }
        String cause = MDC.get(CAUSE);
        return cause == null ? "system" : cause;
    }

    /** Newest first; any filter may be null. */
    public Page<AuditEntry> find(String entityId, String actor, Instant from, Instant to, int page,
            int size) {
        List<Criteria> all = new ArrayList<>();
        if (entityId != null && !entityId.isBlank()) {
            all.add(where("entityId").is(entityKey(entityId.trim())));
        }
        if (actor != null && !actor.isBlank()) {
            all.add(where("actor").is(actor));
        }
        if (from != null || to != null) {
            Criteria at = where("at");
            if (from != null) {
                at = at.gte(Date.from(from));
            }
            if (to != null) {
                at = at.lt(Date.from(to));
            }
            all.add(at);
        }
        Query query = all.isEmpty() ? new Query() : new Query(new Criteria().andOperator(all));
        long total = mongo.count(query, COLLECTION);
        query.with(Sort.by(Sort.Direction.DESC, "at")).skip((long) page * size).limit(size);
        List<AuditEntry> items = mongo.find(query, Document.class, COLLECTION).stream().map(AuditTrail::fromDocument)
                .toList();
        return new Page<>(items, page, size, total);
    }

    /** Removes rows older than {@code before}; returns how many. */
    public long purgeBefore(Instant before) {
        return mongo.remove(new Query(where("at").lt(Date.from(before))), COLLECTION).getDeletedCount();
    }

    private static Document toDocument(AuditEntry e) {
        Document d = new Document("_id", e.id()).append("at", Date.from(e.at())).append("actor", e.actor())
                .append("entity", e.entity()).append("entityId", e.entityId()).append("action", e.action())
                .append("operation", e.operation()).append("changedFields", e.changedFields());
        if (e.client() != null) {
            d.append("client", e.client());
        }
        if (!e.events().isEmpty()) {
            d.append("events", e.events());
        }
        if (e.correlationId() != null) {
            d.append("correlationId", e.correlationId());
        }
        return d;
    }

    @SuppressWarnings("unchecked")
    private static AuditEntry fromDocument(Document d) {
        return new AuditEntry(d.getString("_id"), d.getDate("at").toInstant(), d.getString("actor"),
                d.getString("client"), d.getString("entity"), d.getString("entityId"), d.getString("action"),
                d.getString("operation"), d.getList("changedFields", String.class, List.of()),
                d.getList("events", String.class, List.of()), d.getString("correlationId"));
    }

    Clock clock() {
        return clock;
    }
}
