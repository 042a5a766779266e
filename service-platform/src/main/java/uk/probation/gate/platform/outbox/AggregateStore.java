package uk.probation.gate.platform.outbox;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Saves aggregates (optimistic locking through {@code @Version}) and hands any pending events to the relay.
 * The only way services write aggregates, so no state change can skip its events.
 */
public class AggregateStore {

    private final MongoTemplate mongo;
    private final OutboxRelay relay;

    public AggregateStore(MongoTemplate mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
    }

    public <T extends AggregateDocument> T save(T aggregate) {
        T saved = mongo.save(aggregate);
        if (!saved.getOutbox().isEmpty()) {
            relay.publishSoon(mongo.getCollectionName(saved.getClass()), saved.getId());
        }
        return saved;
    }

    public <T extends AggregateDocument> T findById(String id, Class<T> type) {
        return mongo.findById(id, type);
    }
}
