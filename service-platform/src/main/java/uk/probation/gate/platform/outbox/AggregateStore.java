package uk.probation.gate.platform.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Set;
import org.bson.Document;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Saves aggregates and hands their new events to the relay. The only way services write aggregates, so no state
 * change can skip its events.
 * <p>
 * One atomic single-document update per save, optimistic-locked on {@code version}: it sets the state, appends
 * only the events registered since the load to {@code outbox} and never rewrites the pending ones, so the relay
 * removing a published event and a caseworker's save never undo each other.
 */
public class AggregateStore {

    private static final Set<String> MANAGED = Set.of("_id", "version", "outbox");

    private final MongoTemplate mongo;
    private final OutboxRelay relay;

    public AggregateStore(MongoTemplate mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
    }

    public <T extends AggregateDocument> T save(T aggregate) {
        String collection = mongo.getCollectionName(aggregate.getClass());
        boolean hasNewEvents = !aggregate.newEvents().isEmpty();
        if (aggregate.getVersion() == null) {
            mongo.insert(aggregate, collection);
            aggregate.saved(aggregate.getVersion() == null ? 0 : aggregate.getVersion());
        } else {
            update(aggregate, collection);
        }
        if (hasNewEvents) {
            relay.publishSoon(collection, aggregate.getId());
        }
        return aggregate;
    }

    private <T extends AggregateDocument> void update(T aggregate, String collection) {
        Document state = new Document();
        mongo.getConverter().write(aggregate, state);
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
        }
        long version = aggregate.getVersion();
        update.set("version", version + 1);
        if (mongo.updateFirst(query(where("_id").is(aggregate.getId()).and("version").is(version)), update,
                collection).getMatchedCount() == 0) {
            throw new OptimisticLockingFailureException("Aggregate " + aggregate.getId() + " in " + collection
                    + " changed since version " + version);
        }
        aggregate.saved(version + 1);
    }

    public <T extends AggregateDocument> T findById(String id, Class<T> type) {
        return mongo.findById(id, type);
    }
}
