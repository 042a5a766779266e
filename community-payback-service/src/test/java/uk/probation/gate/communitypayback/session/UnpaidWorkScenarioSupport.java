package uk.probation.gate.communitypayback.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BinaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import uk.probation.gate.communitypayback.order.Order;
import uk.probation.gate.platform.metrics.Labels;
import uk.probation.gate.platform.test.Http;
import uk.probation.gate.platform.test.Prometheus;
import uk.probation.gate.platform.test.RunningService;
import uk.probation.gate.platform.test.Tokens;

/**
 * Unpaid work from assessment to completion, run against the embedded broker and Mongo wire server here and
 * against real Kafka and MongoDB images where Docker exists: stimulate through HTTP, then read the topic, the
 * store and the metrics. The journeys ({@link OrderProgressScenarios}, {@link BookingScenarios},
 * {@link StandDownScenarios}) share this configuration and so one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "community-payback.metrics-refresh=PT1S")
@AutoConfigureMetrics
abstract class UnpaidWorkScenarioSupport extends RunningService {

    static final String RECEIVED = "community-payback.order.received";
    static final String PLACED = "community-payback.placement.assigned";
    static final String ATTENDED = "community-payback.session.attended";
    static final String SENT_HOME = "community-payback.work.sent-home";
    static final String COMPLETED = "community-payback.order.completed";
    static final List<String> EVERY_DAY = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY",
            "SATURDAY", "SUNDAY");

    /** Each test's own areas are not reference codes, so the service labels them "other" (Labels). */
    static final BinaryOperator<String> AREA_LABEL = (label, value) -> "area".equals(label) ? Labels.area(value) : value;

    String coordinator;
    LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/London"));
    String area;
    // the series as scraped before the test: a test reads what it added to its area's ("other") series
    Prometheus metrics;

    @BeforeEach
    void connect() {
        area = "CP" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        // each test works in an area of its own, as a coordinator working there
        coordinator = Tokens.coordinatorIn("coordinator-" + area.toLowerCase(), area);
        metrics = Prometheus.since(this::scrape, AREA_LABEL);
    }

    // ---- helpers

    /** Everyone books the session at the same moment, spread over the given service instances. */
    List<Integer> race(String session, List<String> orderIds, List<Http> instances) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(orderIds.size());
        try {
            List<Future<Http.Response>> answers = new ArrayList<>();
            for (int i = 0; i < orderIds.size(); i++) {
                Http client = instances.get(i % instances.size());
                String orderId = orderIds.get(i);
                answers.add(pool.submit(() -> {
                    start.await();
                    return client.post("/api/sessions/" + session + "/bookings", coordinator,
                            Map.of("orderId", orderId));
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Http.Response> answer : answers) {
                Http.Response response = answer.get();
                statuses.add(response.status());
                if (response.status() != 201) {
                    assertThat(response.contentType()).startsWith("application/problem+json");
                }
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Arguments for a second instance on a random port, on this test's broker, store and token issuer. */
    String[] sameInfrastructure() {
        return anotherInstance(List.of());
    }

    Http.Response capacity(LocalDate from, LocalDate to, String token) {
        return http.get("/api/capacity?areaCode=" + area + "&from=" + from + "&to=" + to, token);
    }

    static tools.jackson.databind.JsonNode find(Http.Response forecast, String sessionId) {
        for (tools.jackson.databind.JsonNode item : forecast.body().get("items")) {
            if (sessionId.equals(item.get("id").asString())) {
                return item;
            }
        }
        throw new AssertionError("session " + sessionId + " not in the forecast");
    }

    String order(String crn, int hours, LocalDate sentence, String risk) {
        Http.Response created = http.post("/api/orders", coordinator, order(crn, hours, sentence, risk, area));
        assertThat(created.status()).isEqualTo(201);
        return created.field("id");
    }

    static Map<String, Object> order(String crn, int hours, LocalDate sentence, String risk, String area) {
        return Map.of("crn", crn, "sentenceDate", sentence.toString(), "requiredHours", hours, "areaCode", area,
                "sex", "MALE", "riskOfSeriousHarm", risk, "responsibleOfficerCode", "N53RO7");
    }

    String placedOrder(String crn, int hours, String project, String risk) {
        return placedOrder(crn, hours, today, project, risk);
    }

    String placedOrder(String crn, int hours, LocalDate sentence, String project, String risk) {
        String orderId = order(crn, hours, sentence, risk);
        assertThat(http.put("/api/orders/" + orderId + "/assessment", coordinator, assessment(EVERY_DAY, "MEDIUM"))
                .status()).isEqualTo(200);
        assertThat(http.post("/api/orders/" + orderId + "/placement", coordinator, Map.of("projectCode", project))
                .status()).isEqualTo(200);
        return orderId;
    }

    static Map<String, Object> assessment(List<String> days, String motivation) {
        Map<String, Object> a = new HashMap<>();
        a.put("availableDays", days);
        a.put("childcareConstraints", "school run until 09:30");
        a.put("shiftPattern", "nights Monday to Wednesday");
        a.put("healthAndSafetyNotes", "no heavy lifting");
        a.put("riskOfHarmConsidered", true);
        a.put("motivationToComply", motivation);
        a.put("intensive", false);
        return a;
    }

    String project(String type, boolean ete, String partner) {
        String code = "PRJ-" + area + "-" + ThreadLocalRandom.current().nextInt(1000, 10000);
        Map<String, Object> p = new HashMap<>(Map.of("code", code, "name", "Park paths", "areaCode", area, "type",
                type, "ete", ete));
        if (partner != null) {
            p.put("partner", partner);
        }
        Http.Response created = http.post("/api/projects", coordinator, p);
        assertThat(created.status()).isEqualTo(201);
        return code;
    }

    String session(String project, LocalDate date, int supervisors, int placesPerSupervisor) {
        Http.Response created = http.post("/api/projects/" + project + "/sessions", coordinator,
                Map.of("date", date.toString(), "startTime", "08:00", "endTime", "16:00", "supervisors", supervisors,
                        "placesPerSupervisor", placesPerSupervisor));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("capacity").asInt()).isEqualTo(supervisors * placesPerSupervisor);
        assertThat(created.body().get("lengthMinutes").asInt()).isEqualTo(480);
        return created.field("id");
    }

    Http.Response book(String session, String orderId) {
        return http.post("/api/sessions/" + session + "/bookings", coordinator, Map.of("orderId", orderId));
    }

    Http.Response attend(String session, String orderId, String outcome, int minutes) {
        return http.post("/api/sessions/" + session + "/attendance", coordinator,
                Map.of("orderId", orderId, "outcome", outcome, "minutesCredited", minutes));
    }
}
