package uk.probation.gate.communitypayback.order;

import static uk.probation.gate.platform.test.Problems.assertProblem;

import static org.assertj.core.api.Assertions.assertThat;
import uk.probation.gate.platform.test.Identifiers;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import uk.probation.gate.contracts.Topics;
import uk.probation.gate.platform.test.Http;
import uk.probation.gate.platform.test.RunningService;
import uk.probation.gate.platform.test.Tokens;
import uk.probation.gate.platform.test.TopicReader;

/**
 * Order scenarios, run against the embedded broker and Mongo wire server here and against real Kafka and MongoDB
 * images where Docker exists: stimulate through HTTP, then read the store, the topic and the metrics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMetrics
abstract class OrderScenarios extends RunningService {

    static final String RECEIVED = "community-payback.order.received";

    String coordinator = Tokens.coordinatorIn("coordinator-n53not", "N53NOT");

    @Test
    void coordinatorRecordsAnOrderAndItIsPublishedOnce() {
        String crn = Identifiers.crn();
        Http.Response created = http.post("/api/orders", coordinator, order(crn, 120, "N53NOT"));

        assertThat(created.status()).isEqualTo(201);
        String orderId = created.field("id");
        assertThat(created.headers().firstValue("Location")).contains("/api/orders/" + orderId);

        Http.Response read = http.get("/api/orders/" + orderId, Tokens.forRole("OPS_VIEWER"));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.field("crn")).isEqualTo(crn);
        assertThat(read.field("status")).isEqualTo("AWAITING_ASSESSMENT");
        assertThat(read.body().get("requiredMinutes").asInt()).isEqualTo(7200);
        assertThat(read.body().get("creditedMinutes").asInt()).isZero();
        assertThat(read.body().get("remainingMinutes").asInt()).isEqualTo(7200);
        assertThat(read.body().get("eteMinutesAllowed").asInt()).isEqualTo(2160);
        assertThat(read.body().get("eteMinutesCredited").asInt()).isZero();
        assertThat(read.field("completeBy")).isEqualTo("2027-11-02");
        assertThat(read.body().has("placement")).isTrue();
        assertThat(read.body().get("placement").isNull()).isTrue();
        assertThat(read.body().has("assessment")).isTrue();
        assertThat(read.body().get("assessment").isNull()).isTrue();
        assertThat(http.get("/api/orders/" + orderId, coordinator).status()).isEqualTo(200);

        Order stored = mongo.findById(orderId, Order.class);
        assertThat(stored).isNotNull();
        assertThat(stored.getCrn()).isEqualTo(crn);
        assertThat(stored.getRequiredMinutes()).isEqualTo(7200);

        TopicReader.Event event = topics.await(Topics.COMMUNITY_PAYBACK, about(crn), 1).get(0);
        assertThat(event.key()).isEqualTo(crn);
        assertThat(event.header("ce_type")).isEqualTo(RECEIVED);
        assertThat(event.header("ce_specversion")).isEqualTo("1.0");
        assertThat(event.header("ce_source")).isEqualTo("/community-payback-service");
        assertThat(event.header("ce_subject")).isEqualTo(crn);
        assertThat(event.header("ce_dataschema")).isEqualTo("/schemas/community-payback.order.received/v1.json");
        assertThat(event.header("ce_id")).isNotBlank();
        assertThat(event.header("ce_time")).isNotBlank();
        assertThat(event.header("content-type")).isEqualTo("application/json");
        assertThat(event.data().get("orderId").asString()).isEqualTo(orderId);
        assertThat(event.data().get("requiredMinutes").asInt()).isEqualTo(7200);
        assertThat(event.data().get("eteMinutesAllowed").asInt()).isEqualTo(2160);
        assertThat(event.data().get("completeBy").asString()).isEqualTo("2027-11-02");
        assertThat(event.data().get("areaCode").asString()).isEqualTo("N53NOT");
        assertThat(event.data().get("responsibleOfficerCode").asString()).isEqualTo("N53RO7");
        await().atMost(Duration.ofSeconds(10)).until(() -> mongo.findById(orderId, Order.class).getOutbox().isEmpty());
        assertThat(topics.all(Topics.COMMUNITY_PAYBACK).stream().filter(about(crn))).hasSize(1);
    }

    @Test
    void fortyAndThreeHundredHoursAreTheLimitsAndBothAreAccepted() {
        Http.Response shortest = http.post("/api/orders", coordinator, order(Identifiers.crn(), 40, "N53NOT"));
        Http.Response longest = http.post("/api/orders", coordinator, order(Identifiers.crn(), 300, "N53NOT"));

        assertThat(shortest.status()).isEqualTo(201);
        assertThat(shortest.body().get("requiredMinutes").asInt()).isEqualTo(2400);
        assertThat(shortest.body().get("eteMinutesAllowed").asInt()).isEqualTo(720);
        assertThat(longest.status()).isEqualTo(201);
        assertThat(longest.body().get("requiredMinutes").asInt()).isEqualTo(18000);
        assertThat(longest.body().get("eteMinutesAllowed").asInt()).isEqualTo(5400);
    }

    @Test
    void badOrdersAreRefusedNamingTheFieldAndNothingIsStoredOrPublished() {
        String crn = Identifiers.crn();
        String area = "BAD" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        String coordinator = Tokens.coordinatorIn("coordinator-bad", area, "N53NOT");
        assertProblem(http.post("/api/orders", coordinator, order(crn, 39, area)), 400, "requiredHours");
        assertProblem(http.post("/api/orders", coordinator, order(crn, 301, area)), 400, "requiredHours");
        assertProblem(http.post("/api/orders", coordinator, with(order(crn, 120, area), "requiredHours", 40.5)), 400,
                "requiredHours");
        assertProblem(http.post("/api/orders", coordinator, without(order(crn, 120, area), "crn")), 400, "crn");
        assertProblem(http.post("/api/orders", coordinator, with(order(crn, 120, area), "crn", "12345")), 400, "crn");
        assertProblem(http.post("/api/orders", coordinator,
                with(order(crn, 120, area), "sentenceDate", LocalDate.now().plusDays(2).toString())), 400, "sentenceDate");
        assertProblem(http.post("/api/orders", coordinator, with(order(crn, 120, area), "sex", "UNKNOWN")), 400, "sex");
        assertProblem(http.post("/api/orders", coordinator,
                without(order(crn, 120, area), "riskOfSeriousHarm")), 400, "riskOfSeriousHarm");
        Http.Response notJson = http.post("/api/orders", coordinator, "{not json");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.contentType()).startsWith("application/problem+json");

        assertThat(mongo.count(Query.query(Criteria.where("crn").is(crn)), Order.class)).isZero();
        assertThat(mongo.count(Query.query(Criteria.where("areaCode").is(area)), Order.class)).isZero();
        // a marker after the refusals: once its event is on the topic, anything they had published would be too
        String marker = Identifiers.crn();
        assertThat(http.post("/api/orders", coordinator, order(marker, 60, "N53NOT")).status()).isEqualTo(201);
        topics.await(Topics.COMMUNITY_PAYBACK, about(marker), 1);
        assertThat(topics.all(Topics.COMMUNITY_PAYBACK).stream()
                .filter(e -> crn.equals(e.key()) || area.equals(e.data().path("areaCode").asString(""))))
                .isEmpty();
    }

    @Test
    void onlyACoordinatorRecordsAnOrder() {
        Map<String, Object> order = order(Identifiers.crn(), 120, "N53NOT");
        Http.Response anonymous = http.post("/api/orders", null, order);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        Http.Response wrongRole = http.post("/api/orders", Tokens.forRole("OPS_VIEWER"), order);
        assertThat(wrongRole.status()).isEqualTo(403);
        assertThat(wrongRole.contentType()).startsWith("application/problem+json");
        assertThat(http.post("/api/orders", Tokens.forRole("RESETTLEMENT_CASEWORKER"), order).status())
                .isEqualTo(403);
        assertThat(mongo.count(Query.query(Criteria.where("crn").is(order.get("crn"))), Order.class)).isZero();

        String orderId = http.post("/api/orders", coordinator, order).field("id");
        assertThat(http.get("/api/orders/" + orderId, null).status()).isEqualTo(401);
        assertThat(http.get("/api/orders/" + orderId, Tokens.forRole("PROVIDER")).status()).isEqualTo(403);
        Http.Response unknown = http.get("/api/orders/no-such-order", Tokens.forRole("OPS_VIEWER"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstAnswerAndRecordsOneOrder() {
        String crn = Identifiers.crn();
        Map<String, String> key = Map.of("Idempotency-Key", "order-" + crn);
        Http.Response first = http.post("/api/orders", coordinator, order(crn, 80, "N53NOT"), key);
        Http.Response again = http.post("/api/orders", coordinator, order(crn, 80, "N53NOT"), key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(again.field("id")).isEqualTo(first.field("id"));
        assertThat(mongo.count(Query.query(Criteria.where("crn").is(crn)), Order.class)).isEqualTo(1);
        topics.await(Topics.COMMUNITY_PAYBACK, about(crn), 1);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> mongo.findById(first.field("id"), Order.class).getOutbox().isEmpty());
        assertThat(topics.all(Topics.COMMUNITY_PAYBACK).stream().filter(about(crn))).hasSize(1);
    }

    @Test
    void ordersReceivedAreCountedByAreaAndSexWithAnUnknownAreaCountedAsOther() {
        String known = "N53RUT";
        String unknown = "AREA" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        String series = "community_payback_orders_received_total{application=\"community-payback-service\",area=\"";
        double rutlandBefore = value(management.metrics(), series + known + "\",sex=\"FEMALE\"}");
        double otherBefore = value(management.metrics(), series + "other\",sex=\"FEMALE\"}");

        String coordinator = Tokens.coordinatorIn("coordinator-both", known, unknown);
        assertThat(http.post("/api/orders", coordinator, order(Identifiers.crn(), 100, known)).status()).isEqualTo(201);
        assertThat(http.post("/api/orders", coordinator, order(Identifiers.crn(), 100, known)).status()).isEqualTo(201);
        assertThat(http.post("/api/orders", coordinator, order(Identifiers.crn(), 100, unknown)).status())
                .isEqualTo(201);

        // Prometheus scrapes the management port; the API port has no actuator
        String text = management.metrics();
        assertThat(value(text, series + known + "\",sex=\"FEMALE\"}")).isEqualTo(rutlandBefore + 2);
        assertThat(value(text, series + "other\",sex=\"FEMALE\"}")).isEqualTo(otherBefore + 1);
        assertThat(text).doesNotContain(unknown);
        assertThat(http.get("/actuator/prometheus", null).status()).isEqualTo(404);
        Http.Response health = management.get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.field("status")).isEqualTo("UP");
        assertThat(http.get("/v3/api-docs", null).status()).isEqualTo(200);
    }

    /** The value of the series line starting with {@code series}, 0 when there is none yet. */
    static double value(String text, String series) {
        for (String line : text.split("\n")) {
            if (line.startsWith(series)) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }

    static Predicate<TopicReader.Event> about(String crn) {
        return e -> RECEIVED.equals(e.header("ce_type")) && crn.equals(e.key());
    }

    static Map<String, Object> order(String crn, int requiredHours, String areaCode) {
        return Map.of("crn", crn, "sentenceDate", "2026-11-02", "requiredHours", requiredHours, "areaCode", areaCode,
                "sex", "FEMALE", "riskOfSeriousHarm", "LOW", "responsibleOfficerCode", "N53RO7");
    }

    private static Map<String, Object> with(Map<String, Object> order, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(order);
        changed.put(field, value);
        return changed;
    }

    private static Map<String, Object> without(Map<String, Object> order, String field) {
        Map<String, Object> changed = new HashMap<>(order);
        changed.remove(field);
        return changed;
    }

}
