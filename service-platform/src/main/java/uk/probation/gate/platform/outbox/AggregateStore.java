package uk.probation.gate.platform.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.query.Update;
import uk.probation.gate.platform.audit.AuditTrail;
import uk.probation.gate.platform.idempotency.KeyedRequest;

/**
 * Saves aggregates and hands their new events to the relay. The only way services write aggregates, so no state
 * change can skip its events.
 * <p>
 * One atomic single-document update per save, optimistic-locked on {@code version}: it sets the state, appends
 * only the events registered since the load to {@code outbox} and never rewrites the pending ones, so the relay
 * removing a published event and a caseworker's save never undo each other.
 */
public class AggregateStore {

    private static final Set<String> MANAGED = Set.of("_id", "version", "outbox", OutboxRelay.PENDING);
    /** Bookkeeping, not the record's content: never named as a changed field. */
    private static final Set<String> NOT_AUDITED = Set.of("_id", "version", "outbox", OutboxRelay.PENDING,
            OutboxRelay.CLAIM,
            "processedEventIds", "appliedRequests", "_class");

    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final AuditTrail audit;

    public AggregateStore(MongoTemplate mongo, OutboxRelay relay, AuditTrail audit) {
        this.mongo = mongo;
        this.relay = relay;
        this.audit = audit;
    }

    /** Saves the aggregate and its new events in one atomic write, then records the change in the audit trail. */
    public <T extends AggregateDocument> T save(T aggregate) {
        String collection = mongo.getCollectionName(aggregate.getClass());
        // the keyed request that makes this change is stored with it, in the same write (ADR 0012)
        KeyedRequest.current().ifPresent(request -> aggregate.applied(request.id()));
        List<String> events = aggregate.newEvents().stream().map(OutboxEvent::type).toList();
        List<String> changed;
        String action;
        if (aggregate.getVersion() == null) {
            mongo.insert(aggregate, collection);
            aggregate.saved(aggregate.getVersion() == null ? 0 : aggregate.getVersion());
            Document state = new Document();
            mongo.getConverter().write(aggregate, state);
            changed = state.keySet().stream().filter(field -> !NOT_AUDITED.contains(field)).sorted().toList();
            aggregate.loadedFrom(state);
            action = "created";
        } else {
            changed = update(aggregate, collection);
            action = "updated";
        }
        if (!events.isEmpty()) {
            relay.publishSoon(collection, aggregate.getId());
        }
        if (!changed.isEmpty() || !events.isEmpty()) {
            audit.record(collection, aggregate.getId(), action, changed, events);
        }
        return aggregate;
    }

    /**
     * Deletes the aggregate (retention or erasure) and records it. Its pending events go with it: erase by first
     * saving a tombstone that carries the erasure event, and delete it once the outbox is empty.
     */
    public <T extends AggregateDocument> boolean delete(T aggregate) {
        String collection = mongo.getCollectionName(aggregate.getClass());
        boolean deleted = mongo.remove(query(where("_id").is(aggregate.getId())), collection).getDeletedCount() > 0;
        if (deleted) {
            audit.record(collection, aggregate.getId(), "deleted", List.of());
        }
        return deleted;
    }

    /** Returns the names of the top-level fields whose stored value this update changes. */
    private <T extends AggregateDocument> List<String> update(T aggregate, String collection) {
        Document state = new Document();
        mongo.getConverter().write(aggregate, state);
        Document before = aggregate.loadedState();
        List<String> changed = new ArrayList<>();
        state.forEach((field, value) -> {
            if (!NOT_AUDITED.contains(field) && (before == null || !Objects.equals(before.get(field), value))) {
                changed.add(field);
            }
        });
        if (before != null) {
            before.keySet().stream().filter(field -> !NOT_AUDITED.contains(field) && !state.containsKey(field))
                    .forEach(changed::add);
        }
        Update update = new Update();
        state.forEach((field, value) -> {
            if (!MANAGED.contains(field)) {
                update.set(field, value);
            }
        });
        MongoPersistentEntity<?> entity = mongo.getConverter().getMappingContext()
                .getRequiredPersistentEntity(aggregate.getClass());
        entity.forEach(property -> {
            if (!MANAGED.contains(property.getFieldName()) && !state.containsKey(property.getFieldName())) {
                update.unset(property.getFieldName());
            }
        });
        if (!aggregate.newEvents().isEmpty()) {
            update.push("outbox").each(aggregate.newEvents().stream()
                    .map(event -> mongo.getConverter().convertToMongoType(event)).toArray());
            update.set(OutboxRelay.PENDING, true);
        }
        long version = aggregate.getVersion();
        update.set("version", version + 1);
        if (mongo.updateFirst(query(where("_id").is(aggregate.getId()).and("version").is(version)), update,
                collection).getMatchedCount() == 0) {
            throw new OptimisticLockingFailureException("Aggregate " + aggregate.getId() + " in " + collection
                    + " changed since version " + version);
        }
        aggregate.saved(version + 1);
        aggregate.loadedFrom(state);
        changed.sort(null);
        return changed;
    }

    public <T extends AggregateDocument> T findById(String id, Class<T> type) {
        return mongo.findById(id, type);
    }

    /**
     * True when this request resumes an attempt that died after changing this aggregate and before answering (its
     * Idempotency-Key taken over, ADR 0012): the change is stored, so the command answers with the aggregate as it
     * stands instead of applying the change again, which its state and version checks would now refuse.
     */
    public boolean alreadyApplied(AggregateDocument aggregate) {
        return KeyedRequest.current().filter(KeyedRequest::resumesAbandonedAttempt)
                .map(request -> aggregate.hasApplied(request.id())).orElse(false);
    }

    /**
     * The aggregate an abandoned attempt of this request created before it died, when this request resumes one:
     * creating it again would make a second (a new id) or be refused (a natural key already taken).
     */
    public <T extends AggregateDocument> Optional<T> createdByAbandonedAttempt(Class<T> type) {
        return KeyedRequest.current().filter(KeyedRequest::resumesAbandonedAttempt)
                .map(request -> mongo.findOne(query(where("appliedRequests").is(request.id())), type));
    }
}
