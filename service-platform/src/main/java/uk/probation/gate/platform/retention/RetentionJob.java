package uk.probation.gate.platform.retention;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import uk.probation.gate.platform.audit.AuditTrail;
import uk.probation.gate.platform.lease.JobLease;

/**
 * Runs every {@link RetentionPolicy} of the service on a schedule, on one instance at a time (a {@link JobLease}),
 * and keeps each policy's last run in {@value #RUNS} for the admin page. An admin can also run it at once.
 */
public class RetentionJob implements SmartLifecycle {

    public static final String RUNS = "retention_runs";
    static final String LEASE = "retention";
    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    /** A policy and its last run, for {@code GET /api/admin/retention}. */
    public record PolicyView(String name, String description, String period, Instant lastRunAt, Long lastPurged,
            Long totalPurged) {
    }

    /** What one run did: records purged per policy, or null when another instance held the lease. */
    public record RunResult(Instant ranAt, Map<String, Long> purged) {
    }

    private final List<RetentionPolicy> policies;
    private final MongoTemplate mongo;
    private final JobLease lease;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Duration interval;
    private final Duration initialDelay;
    private ScheduledExecutorService scheduler;

    public RetentionJob(List<RetentionPolicy> policies, MongoTemplate mongo, JobLease lease, MeterRegistry meters,
            Clock clock, Duration interval, Duration initialDelay) {
        this.policies = List.copyOf(policies);
        this.mongo = mongo;
        this.lease = lease;
        this.meters = meters;
        this.clock = clock;
        this.interval = interval;
        this.initialDelay = initialDelay;
    }

    /** Runs every policy now unless another instance is running them; null when it is. */
    public synchronized RunResult runNow() {
        if (!lease.tryAcquire(LEASE, Duration.ofMinutes(30))) {
            return null;
        }
        Map<String, Long> purged = new LinkedHashMap<>();
        Instant now = clock.instant();
        MDC.put(AuditTrail.CAUSE, "retention");
        try {
            for (RetentionPolicy policy : policies) {
                try {
                    long count = policy.purge(now);
                    purged.put(policy.name(), count);
                    Counter.builder("retention.records.purged").description("Records deleted when their retention ended")
                            .tag("policy", policy.name()).register(meters).increment(count);
                    mongo.upsert(new Query(where("_id").is(policy.name())), new Update()
                            .set("lastRunAt", Date.from(now)).set("lastPurged", count).inc("totalPurged", count),
                            RUNS);
                    if (count > 0) {
                        log.info("Retention: {} record(s) purged by policy {}", count, policy.name());
                    }
                } catch (RuntimeException e) {
                    log.warn("Retention policy {} failed; it runs again next time", policy.name(), e);
                }
            }
        } finally {
            MDC.remove(AuditTrail.CAUSE);
            lease.release(LEASE);
        }
        return new RunResult(now, purged);
    }

    public List<PolicyView> policies() {
        List<PolicyView> views = new ArrayList<>();
        for (RetentionPolicy policy : policies) {
            Document run = mongo.findById(policy.name(), Document.class, RUNS);
            views.add(new PolicyView(policy.name(), policy.description(), policy.period(),
                    run == null || run.getDate("lastRunAt") == null ? null : run.getDate("lastRunAt").toInstant(),
                    run == null ? null : number(run.get("lastPurged")), run == null ? null : number(run.get("totalPurged"))));
        }
        return views;
    }

    private static Long number(Object value) {
        return value instanceof Number n ? n.longValue() : null;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "retention");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                runNow();
            } catch (RuntimeException e) {
                log.warn("Retention run failed; it runs again in {}", interval, e);
            }
        }, initialDelay.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
