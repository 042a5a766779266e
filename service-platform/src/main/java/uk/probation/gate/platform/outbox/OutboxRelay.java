package uk.probation.gate.platform.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Publishes the events waiting in aggregate documents, in order, and removes each one only after Kafka
 * acknowledged it. A crash anywhere loses nothing; it may publish an event twice (consumers are idempotent).
 * One thread does all publishing in this instance, so one aggregate's events never overtake each other here.
 * Right after a save the aggregate is published at once; a periodic sweep catches whatever a crash or a broker
 * outage left behind.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int SWEEP_BATCH = 200;

    private final MongoTemplate mongo;
    private final MongoMappingContext mappingContext;
    private final EventPublisher publisher;
    private final Clock clock;
    private final Duration sweepInterval;
    private final Counter published;
    private final Counter failures;
    private final Timer publishLag;
    private final AtomicLong oldestPendingMillis = new AtomicLong();
    private ScheduledExecutorService executor;

    public OutboxRelay(MongoTemplate mongo, MongoMappingContext mappingContext, EventPublisher publisher,
            MeterRegistry meters, Clock clock, Duration sweepInterval) {
        this.mongo = mongo;
        this.mappingContext = mappingContext;
        this.publisher = publisher;
        this.clock = clock;
        this.sweepInterval = sweepInterval;
        this.published = Counter.builder("outbox.events.published").description("Events published from the outbox")
                .register(meters);
        this.failures = Counter.builder("outbox.publish.failures")
                .description("Publish attempts that failed and were left for the next sweep").register(meters);
        this.publishLag = Timer.builder("outbox.publish.lag")
                .description("Time from the state change to Kafka's acknowledgement").register(meters);
        Gauge.builder("outbox.oldest.pending.age", oldestPendingMillis, millis -> millis.get() / 1000.0)
                .baseUnit("seconds").description("Age of the oldest event still waiting in an outbox")
                .register(meters);
    }

    /** Publish this aggregate's pending events on the relay thread, without holding up the caller. */
    public void publishSoon(String collection, String id) {
        ScheduledExecutorService running = executor;
        if (running != null && !running.isShutdown()) {
            running.execute(() -> publishQuietly(collection, id));
        }
    }

    /** Publishes the pending events of one aggregate in order; stops at the first failure to keep that order. */
    public int publish(String collection, String id) throws Exception {
        Document aggregate = mongo.findById(id, Document.class, collection);
        if (aggregate == null) {
            return 0;
        }
        List<Document> pending = aggregate.getList("outbox", Document.class, List.of());
        for (Document stored : pending) {
            OutboxEvent event = mongo.getConverter().read(OutboxEvent.class, stored);
            publisher.publish(event);
            mongo.updateFirst(query(where("_id").is(id)),
                    new Update().pull("outbox", new Document("eventId", event.eventId())), collection);
            published.increment();
            publishLag.record(Duration.between(event.time(), clock.instant()));
        }
        return pending.size();
    }

    /** Publishes everything pending in every aggregate collection; returns how many events went out. */
    public int sweep() {
        int count = 0;
        Instant oldest = null;
        for (String collection : aggregateCollections()) {
            Query pending = query(where("outbox.0").exists(true)).limit(SWEEP_BATCH);
            pending.fields().include("_id").include("outbox.time");
            for (Document aggregate : mongo.find(pending, Document.class, collection)) {
                String id = String.valueOf(aggregate.get("_id"));
                try {
                    count += publish(collection, id);
                } catch (Exception e) {
                    failures.increment();
                    Instant first = firstEventTime(aggregate);
                    oldest = oldest == null || (first != null && first.isBefore(oldest)) ? first : oldest;
                    log.warn("Outbox publish failed for {} {}: {}", collection, id, e.toString());
                }
            }
        }
        oldestPendingMillis.set(oldest == null ? 0 : Duration.between(oldest, clock.instant()).toMillis());
        return count;
    }

    public List<String> aggregateCollections() {
        return mappingContext.getPersistentEntities().stream()
                .filter(entity -> AggregateDocument.class.isAssignableFrom(entity.getType()))
                .map(entity -> entity.getCollection())
                .distinct()
                .toList();
    }

    private static Instant firstEventTime(Document aggregate) {
        List<Document> outbox = aggregate.getList("outbox", Document.class, List.of());
        return outbox.isEmpty() || !(outbox.get(0).get("time") instanceof Date time) ? null : time.toInstant();
    }

    private void publishQuietly(String collection, String id) {
        try {
            publish(collection, id);
        } catch (Exception e) {
            failures.increment();
            log.warn("Outbox publish failed for {} {}, left for the sweep: {}", collection, id, e.toString());
        }
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("Outbox sweep failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "outbox-relay"));
        executor.scheduleWithFixedDelay(this::sweepQuietly, 0, sweepInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
