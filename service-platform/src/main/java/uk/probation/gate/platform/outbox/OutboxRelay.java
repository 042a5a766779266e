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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import uk.probation.gate.platform.lease.JobLease;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Publishes the events waiting in aggregate documents and removes each only after Kafka acknowledged it. A crash
 * anywhere loses nothing; it may publish an event twice with the same id (consumers are idempotent).
 * <p>
 * One thread per instance does all of it, in batches: the aggregates saved since the last batch are read in one
 * query per collection, every pending event is sent at once (one aggregate's events in their order, so a
 * person's events keep their order on their partition), the acknowledgements awaited together, and each aggregate's
 * acknowledged events removed. A periodic sweep catches whatever a crash or a broker outage left behind.
 * <p>
 * Several instances (ADR 0012): before publishing an aggregate's events an instance claims the aggregate
 * ({@value #CLAIM}: holder and expiry, one conditional update), so two instances never publish the same events at
 * once and one aggregate's events never race each other onto the partition; the claim is dropped with the
 * acknowledged events, and a dead holder's claim expires. The sweep runs on one instance at a time, while holding
 * the {@value #SWEEP_LEASE} {@link JobLease}. On shutdown the relay publishes what this instance saved before it
 * stops (it stops after the web server has finished its requests and the consumers have stopped).
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 500;
    /** The field of an aggregate document naming the instance publishing its events, and until when. */
    public static final String CLAIM = "relayClaim";
    public static final String SWEEP_LEASE = "outbox-sweep";
    /** The field marking an aggregate whose outbox may hold events; the sweep finds them through its index. */
    public static final String PENDING = "outboxPending";
    /** Where a database records that every aggregate has been read once for events saved before {@value #PENDING}. */
    public static final String MIGRATIONS = "platform_migrations";
    static final String PENDING_BACKFILL = "outbox-pending-backfill";

    private record Saved(String collection, String id) {
    }

    /** Put on the queue by {@link #stop()} to wake the worker from its wait for the next save or sweep. */
    private static final Saved WAKE = new Saved("", "");

    private final MongoTemplate mongo;
    private final MongoMappingContext mappingContext;
    private final EventPublisher publisher;
    private final Clock clock;
    private final Duration sweepInterval;
    private final Counter published;
    private final Counter failures;
    private final Timer publishLag;
    private final AtomicLong oldestPendingMillis = new AtomicLong();
    private final BlockingQueue<Saved> saved = new LinkedBlockingQueue<>();
    private final JobLease lease;
    private final Duration claimTtl;
    private volatile Thread worker;
    private volatile boolean stopping;
    /** The oldest event a publish had to leave behind since the sweep began. */
    private Instant oldestLeft;
    /**
     * Whether every aggregate of this database has been read once for events saved before aggregates carried
     * {@value #PENDING}: done by the first sweep ever, then recorded in {@value #MIGRATIONS}, so no later start reads
     * every document again (with 100,000 people that read took seconds and most of the store's heap).
     */
    private boolean sweptEverything;

    public OutboxRelay(MongoTemplate mongo, MongoMappingContext mappingContext, EventPublisher publisher,
            MeterRegistry meters, Clock clock, Duration sweepInterval) {
        this(mongo, mappingContext, publisher, meters, clock, sweepInterval, new JobLease(mongo, clock),
                Duration.ofSeconds(20));
    }

    public OutboxRelay(MongoTemplate mongo, MongoMappingContext mappingContext, EventPublisher publisher,
            MeterRegistry meters, Clock clock, Duration sweepInterval, JobLease lease, Duration claimTtl) {
        this.mongo = mongo;
        this.lease = lease;
        this.claimTtl = claimTtl;
        this.mappingContext = mappingContext;
        this.publisher = publisher;
        this.clock = clock;
        this.sweepInterval = sweepInterval;
        this.published = Counter.builder("outbox.events.published").description("Events published from the outbox")
                .register(meters);
        this.failures = Counter.builder("outbox.publish.failures")
                .description("Events whose publication failed and were left for the next sweep").register(meters);
        this.publishLag = Timer.builder("outbox.publish.lag")
                .description("Time from the state change to Kafka's acknowledgement").register(meters);
        Gauge.builder("outbox.oldest.pending.age", oldestPendingMillis, millis -> millis.get() / 1000.0)
                .baseUnit("seconds").description("Age of the oldest event still waiting in an outbox")
                .register(meters);
    }

    private boolean anythingPending() {
        for (String collection : aggregateCollections()) {
            if (mongo.exists(query(where(PENDING).is(true)), collection)) {
                return true;
            }
        }
        return false;
    }

    /** This aggregate has new events: publish them with the next batch, without holding up the caller. */
    public void publishSoon(String collection, String id) {
        saved.offer(new Saved(collection, id));
    }

    /** Publishes everything pending in every aggregate collection; returns how many events went out. */
    public int sweep() {
        // at idle nothing is pending: finding that out is a read through the outboxPending index on each collection;
        // the lease, a write, is taken only when there is something to publish (or before the first sweep)
        if (!sweptEverything) {
            sweptEverything = mongo.exists(query(where("_id").is(PENDING_BACKFILL)), MIGRATIONS);
        }
        if (sweptEverything && !anythingPending()) {
            oldestPendingMillis.set(0);
            return 0;
        }
        // held only while sweeping: two instances never sweep at once, and a dead sweeper's lease runs out
        if (!lease.tryAcquire(SWEEP_LEASE, claimTtl)) {
            return 0;
        }
        try {
            int count = 0;
            oldestLeft = null;
            boolean readEverything = !sweptEverything;
            boolean everythingFound = true;
            for (String collection : aggregateCollections()) {
                // a marker left on an emptied outbox (its publisher died after removing the events) is dropped
                mongo.updateMulti(query(where(PENDING).is(true).and("outbox.0").exists(false)),
                        new Update().unset(PENDING), collection);
                Query pending = query(sweptEverything ? where(PENDING).is(true) : where("outbox.0").exists(true))
                        .limit(BATCH);
                pending.fields().include("_id");
                List<Object> ids = mongo.find(pending, Document.class, collection).stream().map(d -> d.get("_id"))
                        .toList();
                everythingFound &= ids.size() < BATCH;
                count += publish(collection, claim(collection, ids));
            }
            if (readEverything && everythingFound) {
                // every aggregate with events has them published or marked pending now: never read them all again
                mongo.upsert(query(where("_id").is(PENDING_BACKFILL)),
                        new Update().set("doneAt", java.util.Date.from(clock.instant())), MIGRATIONS);
                sweptEverything = true;
            }
            Instant oldest = oldestLeft;
            oldestPendingMillis.set(oldest == null ? 0 : Duration.between(oldest, clock.instant()).toMillis());
            return count;
        } finally {
            lease.release(SWEEP_LEASE);
        }
    }

    /** How many aggregates hold events not yet acknowledged by Kafka, across every aggregate collection. */
    public long pendingAggregates() {
        return aggregateCollections().stream()
                .mapToLong(collection -> mongo.count(query(where(PENDING).is(true).and("outbox.0").exists(true)),
                        collection))
                .sum();
    }

    /** The age of the oldest event the last sweep had to leave behind (0 when none). */
    public Duration oldestPendingAge() {
        return Duration.ofMillis(oldestPendingMillis.get());
    }

    public List<String> aggregateCollections() {
        return mappingContext.getPersistentEntities().stream()
                .filter(entity -> AggregateDocument.class.isAssignableFrom(entity.getType()))
                .map(entity -> entity.getCollection())
                .distinct()
                .toList();
    }

    /** Publishes the batch of aggregates saved since the last one: one read per collection, then one publish. */
    private void publishSaved(List<Saved> batch) {
        Map<String, Set<String>> idsByCollection = new LinkedHashMap<>();
        batch.forEach(s -> idsByCollection.computeIfAbsent(s.collection(), c -> new LinkedHashSet<>()).add(s.id()));
        idsByCollection.forEach((collection, ids) -> publish(collection, claim(collection, List.copyOf(ids))));
    }

    /**
     * Claims those of the aggregates with pending events that no live instance is publishing, and returns the
     * claimed ones with their outbox. An aggregate claimed elsewhere is that instance's, or the sweep's once the
     * claim expires.
     */
    private List<Document> claim(String collection, List<?> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        Update claimIt = new Update().set(CLAIM, new Document("holder", lease.holder())
                .append("until", java.util.Date.from(now.plus(claimTtl))));
        if (ids.size() == 1) {
            // one aggregate (a request's save, the usual batch below full load): claim and read it in one round trip
            // (or already this instance's: a publish that failed half-way left its claim)
            Query claimable = query(where("_id").is(ids.get(0)).and("outbox.0").exists(true)
                    .orOperator(where(CLAIM).exists(false), where(CLAIM + ".until").lte(java.util.Date.from(now)),
                            where(CLAIM + ".holder").is(lease.holder())));
            claimable.fields().include("_id").include("outbox");
            Document claimed = mongo.findAndModify(claimable, claimIt,
                    org.springframework.data.mongodb.core.FindAndModifyOptions.options().returnNew(true),
                    Document.class, collection);
            return claimed == null ? List.of() : List.of(claimed);
        }
        Query claimable = query(where("_id").in(ids).and("outbox.0").exists(true)
                .orOperator(where(CLAIM).exists(false), where(CLAIM + ".until").lte(java.util.Date.from(now))));
        mongo.updateMulti(claimable, claimIt, collection);
        Query mine = query(where("_id").in(ids).and(CLAIM + ".holder").is(lease.holder()));
        mine.fields().include("_id").include("outbox");
        return mongo.find(mine, Document.class, collection);
    }

    /** Sends every pending event of these aggregates at once, then removes from each what Kafka acknowledged. */
    private int publish(String collection, List<Document> aggregates) {
        Map<Object, List<OutboxEvent>> events = new LinkedHashMap<>();
        Map<Object, List<CompletableFuture<?>>> acks = new LinkedHashMap<>();
        for (Document aggregate : aggregates) {
            List<OutboxEvent> pending = read(aggregate);
            List<CompletableFuture<?>> sent = new ArrayList<>();
            for (OutboxEvent event : pending) {
                sent.add(send(event));
            }
            events.put(aggregate.get("_id"), pending);
            acks.put(aggregate.get("_id"), sent);
        }
        int count = 0;
        for (Map.Entry<Object, List<OutboxEvent>> entry : events.entrySet()) {
            List<String> acknowledged = new ArrayList<>();
            List<CompletableFuture<?>> sent = acks.get(entry.getKey());
            for (int i = 0; i < sent.size(); i++) {
                OutboxEvent event = entry.getValue().get(i);
                try {
                    sent.get(i).join();
                } catch (RuntimeException e) {
                    // keep this aggregate's order: nothing after a failed event is removed before it is
                    failures.increment(sent.size() - i);
                    oldestLeft = oldestLeft == null || event.time().isBefore(oldestLeft) ? event.time() : oldestLeft;
                    log.warn("Outbox publish of {} {} failed, left for the sweep: {}", collection, entry.getKey(),
                            e.getCause() == null ? e.toString() : e.getCause().toString());
                    break;
                }
                acknowledged.add(event.eventId());
                publishLag.record(Duration.between(event.time(), clock.instant()));
            }
            // drop the acknowledged events and the claim in one update, and the pending mark with them when they
            // were all the outbox held (no save added any since it was read)
            boolean emptied = acknowledged.size() == entry.getValue().size()
                    && mongo.updateFirst(query(where("_id").is(entry.getKey()).and(CLAIM + ".holder")
                            .is(lease.holder()).and("outbox").size(acknowledged.size())),
                            done(acknowledged).unset(PENDING), collection).getMatchedCount() > 0;
            if (!emptied) {
                mongo.updateFirst(query(where("_id").is(entry.getKey()).and(CLAIM + ".holder").is(lease.holder())),
                        done(acknowledged), collection);
            }
            if (!acknowledged.isEmpty()) {
                published.increment(acknowledged.size());
                count += acknowledged.size();
            }
        }
        return count;
    }

    /** Releases the claim and removes the acknowledged events. */
    private static Update done(List<String> acknowledged) {
        Update done = new Update().unset(CLAIM);
        if (!acknowledged.isEmpty()) {
            done.pull("outbox", new Document("eventId", new Document("$in", acknowledged)));
        }
        return done;
    }

    private CompletableFuture<?> send(OutboxEvent event) {
        try {
            return publisher.publish(event);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private List<OutboxEvent> read(Document aggregate) {
        return aggregate.getList("outbox", Document.class, List.of()).stream()
                .map(stored -> mongo.getConverter().read(OutboxEvent.class, stored)).toList();
    }

    private void run() {
        long nextSweep = 0;
        while (!stopping && !Thread.currentThread().isInterrupted()) {
            try {
                long now = System.nanoTime();
                if (now >= nextSweep) {
                    sweep();
                    nextSweep = System.nanoTime() + sweepInterval.toNanos();
                }
                Saved first = saved.poll(Math.max(1, nextSweep - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (first != null) {
                    List<Saved> batch = new ArrayList<>(List.of(first));
                    saved.drainTo(batch, BATCH - 1);
                    batch.removeIf(s -> s == WAKE);
                    if (!batch.isEmpty()) {
                        publishSaved(batch);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("Outbox relay step failed, the sweep will retry: {}", e.toString());
            }
        }
        flush();
    }

    /** On shutdown: publishes what this instance saved and has not published yet, then stops. */
    private void flush() {
        List<Saved> left = new ArrayList<>();
        saved.drainTo(left);
        left.removeIf(s -> s == WAKE);
        try {
            if (!left.isEmpty()) {
                publishSaved(left);
                log.info("Outbox relay published {} aggregates' events before stopping", left.size());
            }
        } catch (RuntimeException e) {
            log.warn("Outbox relay could not publish before stopping, the next sweep will: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        stopping = false;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * Stops after the web server has drained its requests and the consumers have stopped (a lower phase stops
     * later), so everything they saved is published before the producer closes.
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    @Override
    public synchronized void stop() {
        Thread running = worker;
        if (running != null) {
            stopping = true;
            // woken now rather than at its next sweep (a sweep interval of an hour, as a test sets, kept a closing
            // context waiting the whole join below), it flushes and exits
            saved.offer(WAKE);
            try {
                running.join(sweepInterval.toMillis() + claimTtl.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (running.isAlive()) {
                running.interrupt();
            }
            worker = null;
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }
}
