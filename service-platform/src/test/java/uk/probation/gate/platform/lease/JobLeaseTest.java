package uk.probation.gate.platform.lease;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClients;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import uk.probation.gate.platform.test.EmbeddedInfrastructure;

/** Two instances of a service (two JobLease holders) on the Mongo wire server with the real driver. */
class JobLeaseTest {

    private final MongoTemplate mongo = new MongoTemplate(MongoClients.create(
            EmbeddedInfrastructure.get().mongoUri("lease")), "lease-" + UUID.randomUUID());

    @Test
    void onlyOneInstanceHoldsTheLeaseUntilItIsGivenBackOrExpires() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
        JobLease first = new JobLease(mongo, clock);
        JobLease second = new JobLease(mongo, clock);

        assertThat(first.tryAcquire("retention", Duration.ofMinutes(5))).isTrue();
        assertThat(second.tryAcquire("retention", Duration.ofMinutes(5))).as("held by the first").isFalse();
        assertThat(first.tryAcquire("retention", Duration.ofMinutes(5))).as("the holder renews").isTrue();

        first.release("retention");
        assertThat(second.tryAcquire("retention", Duration.ofMinutes(5))).as("given back").isTrue();
        assertThat(first.tryAcquire("retention", Duration.ofMinutes(5))).isFalse();

        clock.now = clock.now.plus(Duration.ofMinutes(6));
        assertThat(first.tryAcquire("retention", Duration.ofMinutes(5))).as("the second died: expired").isTrue();
        assertThat(second.tryAcquire("retention", Duration.ofMinutes(5))).isFalse();
        assertThat(second.tryAcquire("another-job", Duration.ofMinutes(5))).as("leases are per name").isTrue();
    }

    @Test
    void whenManyInstancesRaceForAFreeLeaseExactlyOneWins() throws Exception {
        Clock clock = Clock.systemUTC();
        int instances = 8;
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger winners = new AtomicInteger();
        var pool = Executors.newFixedThreadPool(instances);
        try {
            var results = new java.util.ArrayList<java.util.concurrent.Future<Boolean>>();
            for (int i = 0; i < instances; i++) {
                JobLease lease = new JobLease(mongo, clock);
                Callable<Boolean> race = () -> {
                    start.await();
                    boolean won = lease.tryAcquire("race", Duration.ofMinutes(5));
                    if (won) {
                        winners.incrementAndGet();
                    }
                    return won;
                };
                results.add(pool.submit(race));
            }
            start.countDown();
            for (var result : results) {
                result.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(winners).hasValue(1);
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
