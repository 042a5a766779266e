package uk.probation.gate.infra.stack.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static uk.probation.gate.infra.stack.StackComponent.REFERRAL;
import static uk.probation.gate.infra.stack.StackComponent.RESETTLEMENT;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.probation.gate.infra.stack.RunningStack;
import uk.probation.gate.infra.stack.StackComponent;
import uk.probation.gate.infra.stack.browser.SharedStack;
import uk.probation.gate.platform.test.Http;
import uk.probation.gate.platform.test.Identifiers;

/**
 * SIGTERM under load, as a rolling restart sends it: the service stops taking requests, finishes those in flight,
 * publishes what its outbox holds before it exits, and its consumers commit their offsets, so the restarted
 * instance redelivers nothing. Clients retry what failed with the same Idempotency-Key, as a real client would.
 */
class GracefulShutdownIT {

    private static final Pattern CONSUMED = Pattern.compile("^Consumed (\\S+) (\\S+) from (\\S+)$");

    private static RunningStack stack;

    @BeforeAll
    static void start() {
        stack = SharedStack.get();
    }

    @Test
    void aRollingRestartUnderLoadLosesNothingLeavesNothingInTheOutboxAndRedeliversNothing() throws Exception {
        java.time.Instant began = java.time.Instant.now();
        Map<String, String> accepted = new ConcurrentHashMap<>();
        List<String> refusedForGood = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean loading = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        for (int c = 0; c < 4; c++) {
            clients.submit(() -> {
                while (loading.get()) {
                    String prisonNumber = Identifiers.prisonNumber();
                    String caseId = receive(prisonNumber);
                    if (caseId == null) {
                        refusedForGood.add(prisonNumber);
                    } else {
                        accepted.put(prisonNumber, caseId);
                    }
                }
            });
        }
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> accepted.size() >= 10);

            // SIGTERM resettlement-service mid-load; once it has exited, nothing it saved waits in its outbox
            ProcessHandle resettlement = stack.process(RESETTLEMENT, 0);
            resettlement.destroy();
            resettlement.onExit().get(60, TimeUnit.SECONDS);
            assertThat(pendingOutboxEvents("resettlement")).as("aggregates with unpublished events after SIGTERM")
                    .isZero();
            // the supervisor starts it again; then a consumer restarts (SIGTERM, start) under the same load
            stack.awaitReady(RESETTLEMENT, 0, Duration.ofMinutes(3));
            stack.restart(REFERRAL);
            int before = accepted.size();
            await().atMost(Duration.ofSeconds(60)).until(() -> accepted.size() >= before + 10);
        } finally {
            loading.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
        }

        assertThat(refusedForGood).as("receptions never accepted despite retries").isEmpty();
        String admin = stack.accessToken("admin");
        // every accepted reception reached referral-service once
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(accepted.keySet())
                .allSatisfy(prisonNumber -> assertThat(http(REFERRAL).get("/api/people/" + prisonNumber, admin)
                        .body().path("receptions").asInt()).as(prisonNumber).isEqualTo(1)));
        // no event was handled twice across the restarts: offsets were committed before the consumers stopped
        assertThat(consumedMoreThanOnce(REFERRAL, began)).as("events referral-service consumed more than once")
                .isEmpty();
    }

    /** Posts a reception, retrying with the same key (and on failure, the same body) for up to two minutes. */
    private static String receive(String prisonNumber) {
        Map<String, Object> body = Map.of("prisonNumber", prisonNumber, "prisonCode", "GTI",
                "receivedOn", LocalDate.now().toString(), "expectedReleaseDate", LocalDate.now().plusMonths(4).toString(),
                "sex", "MALE", "riskOfSeriousHarm", "LOW");
        Map<String, String> key = Map.of("Idempotency-Key", "graceful-" + prisonNumber);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            try {
                Http.Response response = http(RESETTLEMENT).post("/api/cases", SharedStack.token("caseworker"), body,
                        key);
                if (response.status() == 201 || response.status() == 200) {
                    return response.field("id");
                }
            } catch (RuntimeException connectionRefusedOrReset) {
                // the instance is stopping or starting: try again with the same key
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    private static long pendingOutboxEvents(String database) {
        try (MongoClient mongo = MongoClients.create(stack.mongoUri(database))) {
            MongoDatabase db = mongo.getDatabase(database);
            long pending = 0;
            for (String collection : db.listCollectionNames()) {
                pending += db.getCollection(collection).countDocuments(Filters.exists("outbox.0"));
            }
            return pending;
        }
    }

    /** Event ids a service's log says it consumed more than once (each "Consumed" line is one handled record). */
    private static Map<String, Integer> consumedMoreThanOnce(StackComponent service, java.time.Instant since) {
        Map<String, Integer> times = new HashMap<>();
        for (JsonLogs.Line line : JsonLogs.read(stack.logFile(service))) {
            if (line.timestamp().isEmpty() || java.time.Instant.parse(line.timestamp()).isBefore(since)) {
                continue;
            }
            Matcher consumed = CONSUMED.matcher(line.message());
            if (consumed.matches()) {
                times.merge(consumed.group(3) + "/" + consumed.group(2), 1, Integer::sum);
            }
        }
        times.values().removeIf(count -> count == 1);
        return times;
    }

    private static Http http(StackComponent service) {
        return new Http(stack.baseUrl(service).toString().replaceAll("/$", ""));
    }
}
