package uk.probation.gate.platform.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import uk.probation.gate.platform.lease.JobLease;
import uk.probation.gate.platform.test.EmbeddedInfrastructure;

/** Two instances of a service run the retention job at the same moment: the policies run once, not twice. */
class RetentionJobTest {

    private final MongoTemplate mongo = new MongoTemplate(MongoClients.create(
            EmbeddedInfrastructure.get().mongoUri("retention")), "retention-" + UUID.randomUUID());

    @Test
    void twoInstancesNeverPurgeAtTheSameTimeAndTheLastRunIsKept() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch inside = new CountDownLatch(1);
        RetentionPolicy slow = new RetentionPolicy() {
            public String name() {
                return "slow";
            }

            public String description() {
                return "records that take a while to purge";
            }

            public String period() {
                return "P7Y";
            }

            public long purge(Instant now) {
                int now1 = running.incrementAndGet();
                mostAtOnce.accumulateAndGet(now1, Math::max);
                runs.incrementAndGet();
                inside.countDown();
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                running.decrementAndGet();
                return 5;
            }
        };
        RetentionJob one = job(slow);
        RetentionJob two = job(slow);
        var pool = Executors.newFixedThreadPool(2);
        var first = pool.submit(one::runNow);
        inside.await(5, TimeUnit.SECONDS);
        var second = pool.submit(two::runNow);
        RetentionJob.RunResult a = first.get();
        RetentionJob.RunResult b = second.get();
        pool.shutdown();

        assertThat(mostAtOnce).hasValue(1);
        assertThat(runs).as("the second instance found the lease taken").hasValue(1);
        assertThat(a).isNotNull();
        assertThat(a.purged()).containsEntry("slow", 5L);
        assertThat(b).isNull();

        RetentionJob.RunResult again = two.runNow();
        assertThat(again).as("given back after the run").isNotNull();
        assertThat(one.policies()).singleElement().satisfies(view -> {
            assertThat(view.lastPurged()).isEqualTo(5L);
            assertThat(view.totalPurged()).isEqualTo(10L);
            assertThat(view.lastRunAt()).isNotNull();
        });
    }

    @Test
    void periodsAreReadAsPeriodsOrDurationsAndABadOneFailsNamingTheProperty() {
        Instant now = Instant.parse("2026-11-27T12:00:00Z");
        assertThat(Retention.cutoff(now, "P7Y")).isEqualTo(Instant.parse("2019-11-27T12:00:00Z"));
        assertThat(Retention.cutoff(now, "PT24H")).isEqualTo(Instant.parse("2026-11-26T12:00:00Z"));
        assertThat(Retention.cutoff(now, "P14D")).isEqualTo(Instant.parse("2026-11-13T12:00:00Z"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Retention.checked("x.retention.cases", "7 years"))
                .hasMessageContaining("x.retention.cases");
    }

    private RetentionJob job(RetentionPolicy policy) {
        return new RetentionJob(List.of(policy), mongo, new JobLease(mongo, Clock.systemUTC()),
                new SimpleMeterRegistry(), Clock.systemUTC(), Duration.ofHours(1), Duration.ofHours(1));
    }
}
