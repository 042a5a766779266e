package uk.probation.gate.infra.stack.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import uk.probation.gate.platform.test.Http;

/**
 * Drives receptions over HTTP. Closed loop: N clients, each sending its next reception as soon as the last was
 * answered (capacity). Open loop: receptions started at a fixed rate whatever the answers, each timed from when it
 * was due to start, so a slow system cannot slow the load down and hide its own queueing (coordinated omission).
 */
final class ReceptionLoad {

    /** When each reception (by prison number) was sent, how long its HTTP answer took, and the whole load's span. */
    record Sent(Map<String, Long> sentAtMillis, List<Long> httpMillis, long startMillis, long endMillis,
            int failures) {
    }

    private final Http resettlement;
    private final ClientTokens tokens;

    ReceptionLoad(Http resettlement, ClientTokens tokens) {
        this.resettlement = resettlement;
        this.tokens = tokens;
    }

    /** Stops early (fewer than {@code count}) once {@code maxMillis} have passed: a slow system must not stall the run. */
    Sent closedLoop(char series, int count, int clients, long maxMillis) throws Exception {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<Long> http = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.currentTimeMillis();
        long stopAt = start + maxMillis;
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            done.add(pool.submit(() -> {
                for (int n = next.getAndIncrement(); n < count && System.currentTimeMillis() < stopAt;
                        n = next.getAndIncrement()) {
                    sendOne(series, n, System.currentTimeMillis(), sentAt, http, failures);
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        return new Sent(sentAt, new ArrayList<>(http), start, System.currentTimeMillis(), failures.get());
    }

    Sent openLoop(char series, int count, double perSecond) throws Exception {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<Long> http = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failures = new AtomicInteger();
        // enough threads that a slow answer never delays the next start (bounded so a stalled system cannot run away)
        ExecutorService pool = Executors.newFixedThreadPool(128);
        long start = System.currentTimeMillis();
        for (int n = 0; n < count; n++) {
            long due = start + Math.round(n * 1000.0 / perSecond);
            long wait = due - System.currentTimeMillis();
            if (wait > 0) {
                Thread.sleep(wait);
            }
            int number = n;
            pool.submit(() -> sendOne(series, number, due, sentAt, http, failures));
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        return new Sent(sentAt, new ArrayList<>(http), start, System.currentTimeMillis(), failures.get());
    }

    private void sendOne(char series, int n, long dueAt, Map<String, Long> sentAt, List<Long> http,
            AtomicInteger failures) {
        String prisonNumber = PersonNumbers.prisonNumber(series, n);
        sentAt.put(prisonNumber, dueAt);
        try {
            Receptions.send(resettlement, tokens.of("caseworker"), prisonNumber, PersonNumbers.crn(series, n), n);
            http.add(System.currentTimeMillis() - dueAt);
        } catch (RuntimeException e) {
            sentAt.remove(prisonNumber);
            failures.incrementAndGet();
        }
    }
}
