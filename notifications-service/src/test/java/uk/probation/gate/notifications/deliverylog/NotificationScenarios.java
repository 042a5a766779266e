package uk.probation.gate.notifications.deliverylog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Scanner;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;
import uk.probation.gate.contracts.Topics;
import uk.probation.gate.platform.test.Http;
import uk.probation.gate.platform.test.Tokens;
import uk.probation.gate.platform.test.TopicReader;

/**
 * Who is told about a reception, run against the embedded broker and Mongo wire server here and against real
 * Kafka and MongoDB images where Docker exists: write CloudEvents records to resettlement.events, then read the
 * delivery log through the API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMetrics
abstract class NotificationScenarios {

    static final String RECEIVED = "resettlement.prisoner.received";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    Http http;
    TopicReader topics;
    String viewer = Tokens.forRole("OPS_VIEWER");

    @BeforeEach
    void connect() {
        http = new Http("http://127.0.0.1:" + port);
        topics = new TopicReader(bootstrapServers);
    }

    @Test
    void aReceptionIsLoggedOnceForTheResponsibleOfficer() {
        String prisonNumber = newPrisonNumber();
        String officer = newOfficerCode();
        String eventId = UUID.randomUUID().toString();
        topics.send(Topics.RESETTLEMENT, prisonNumber, received(prisonNumber, officer), headers(eventId, prisonNumber));

        Http.Response found = awaitEntries(officer, 1);
        assertThat(found.body().get("total").asLong()).isEqualTo(1);
        assertThat(found.body().get("page").asInt()).isZero();
        assertThat(found.body().get("size").asInt()).isEqualTo(20);
        JsonNode entry = found.body().get("items").get(0);
        assertThat(entry.get("id").asString()).isEqualTo(eventId + ":" + officer);
        assertThat(entry.get("recipientCode").asString()).isEqualTo(officer);
        assertThat(entry.get("channel").asString()).isEqualTo("EMAIL");
        assertThat(entry.get("template").asString()).isEqualTo(RECEIVED);
        assertThat(entry.get("language").asString()).isEqualTo("en");
        assertThat(entry.get("status").asString()).isEqualTo("LOGGED");
        assertThat(entry.get("sourceEventId").asString()).isEqualTo(eventId);
        assertThat(entry.get("eventType").asString()).isEqualTo(RECEIVED);
        assertThat(entry.get("subject").asString()).isEqualTo(prisonNumber);
        assertThat(entry.get("createdAt").asString()).isNotBlank();

        Http.Response byType = http.get("/api/notifications?recipientCode=" + officer + "&eventType=" + RECEIVED,
                Tokens.forRole("ADMIN"));
        assertThat(byType.status()).isEqualTo(200);
        assertThat(byType.body().get("total").asLong()).isEqualTo(1);
        assertThat(http.get("/api/notifications?recipientCode=" + officer + "&eventType=referral.referral.sent",
                viewer).body().get("total").asLong()).isZero();
        assertThat(prometheus()).containsPattern("notifications_logged_total\\{application=\"notifications-service\","
                + "channel=\"EMAIL\",template=\"resettlement.prisoner.received\"} [1-9]");
    }

    @Test
    void theSameEventDeliveredTwiceIsLoggedOnce() {
        String prisonNumber = newPrisonNumber();
        String officer = newOfficerCode();
        String eventId = UUID.randomUUID().toString();
        topics.send(Topics.RESETTLEMENT, prisonNumber, received(prisonNumber, officer), headers(eventId, prisonNumber));
        topics.send(Topics.RESETTLEMENT, prisonNumber, received(prisonNumber, officer), headers(eventId, prisonNumber));
        // a marker on the same key, so the same partition: once it is logged, both copies before it were consumed
        String markerOfficer = newOfficerCode();
        String marker = newPrisonNumber();
        topics.send(Topics.RESETTLEMENT, prisonNumber, received(marker, markerOfficer),
                headers(UUID.randomUUID().toString(), marker));

        awaitEntries(markerOfficer, 1);
        Http.Response found = http.get("/api/notifications?recipientCode=" + officer, viewer);
        assertThat(found.body().get("total").asLong()).isEqualTo(1);
        assertThat(found.body().get("items")).hasSize(1);
        assertThat(mongo.count(Query.query(Criteria.where("sourceEventId").is(eventId)), Notification.class))
                .isEqualTo(1);
    }

    @Test
    void aReceptionWithoutAResponsibleOfficerIsCountedAndNothingIsLogged() {
        double skippedBefore = skipped();
        String prisonNumber = newPrisonNumber();
        String eventId = UUID.randomUUID().toString();
        topics.send(Topics.RESETTLEMENT, prisonNumber, received(prisonNumber, null), headers(eventId, prisonNumber));
        String markerOfficer = newOfficerCode();
        String marker = newPrisonNumber();
        topics.send(Topics.RESETTLEMENT, prisonNumber, received(marker, markerOfficer),
                headers(UUID.randomUUID().toString(), marker));

        awaitEntries(markerOfficer, 1);
        assertThat(mongo.count(Query.query(Criteria.where("sourceEventId").is(eventId)), Notification.class))
                .isZero();
        assertThat(mongo.count(Query.query(Criteria.where("subject").is(prisonNumber)), Notification.class)).isZero();
        assertThat(skipped() - skippedBefore).isEqualTo(1.0);
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndDoesNotBlockThePartition() {
        String prisonNumber = newPrisonNumber();
        String officer = newOfficerCode();
        topics.send(Topics.RESETTLEMENT, prisonNumber, "not json", headers(UUID.randomUUID().toString(), prisonNumber));
        topics.send(Topics.RESETTLEMENT, prisonNumber, received(prisonNumber, officer),
                headers(UUID.randomUUID().toString(), prisonNumber));

        awaitEntries(officer, 1);
        TopicReader.Event dead = topics.await("notifications-service.dlt", e -> prisonNumber.equals(e.key()), 1).get(0);
        assertThat(new String(dead.value())).isEqualTo("not json");
        assertThat(dead.header("x-original-topic")).isEqualTo(Topics.RESETTLEMENT);
        assertThat(dead.headers()).containsKeys("x-original-partition", "x-original-offset", "x-exception-fqcn");
    }

    @Test
    void pagingOutOfRangeIsRefusedNamingTheParameter() {
        assertRefused(http.get("/api/notifications?page=-1", viewer), "page");
        assertRefused(http.get("/api/notifications?size=0", viewer), "size");
        assertRefused(http.get("/api/notifications?size=201", viewer), "size");
        assertRefused(http.get("/api/notifications?page=first", viewer), "page");

        Http.Response paged = http.get("/api/notifications?page=3&size=5", viewer);
        assertThat(paged.status()).isEqualTo(200);
        assertThat(paged.body().get("page").asInt()).isEqualTo(3);
        assertThat(paged.body().get("size").asInt()).isEqualTo(5);
        assertThat(paged.body().has("items")).isTrue();
        assertThat(paged.body().has("total")).isTrue();
    }

    @Test
    void pagesSplitTheLogNewestFirst() {
        String officer = newOfficerCode();
        for (int i = 0; i < 3; i++) {
            String prisonNumber = newPrisonNumber();
            topics.send(Topics.RESETTLEMENT, prisonNumber, received(prisonNumber, officer),
                    headers(UUID.randomUUID().toString(), prisonNumber));
        }
        awaitEntries(officer, 3);

        Http.Response first = http.get("/api/notifications?recipientCode=" + officer + "&page=0&size=2", viewer);
        Http.Response second = http.get("/api/notifications?recipientCode=" + officer + "&page=1&size=2", viewer);
        assertThat(first.body().get("total").asLong()).isEqualTo(3);
        assertThat(first.body().get("items")).hasSize(2);
        assertThat(second.body().get("items")).hasSize(1);
        assertThat(first.body().get("items").get(0).get("createdAt").asString())
                .isGreaterThanOrEqualTo(first.body().get("items").get(1).get("createdAt").asString());
    }

    @Test
    void onlyAdminsAndOpsViewersReadTheLog() {
        Http.Response anonymous = http.get("/api/notifications", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        Http.Response wrongRole = http.get("/api/notifications", Tokens.forRole("RESPONSIBLE_OFFICER"));
        assertThat(wrongRole.status()).isEqualTo(403);
        assertThat(wrongRole.contentType()).startsWith("application/problem+json");
        assertThat(http.get("/api/notifications", Tokens.forRole("ADMIN")).status()).isEqualTo(200);
        assertThat(http.post("/api/admin/dead-letters/replay", viewer, Map.of()).status()).isEqualTo(403);
    }

    private Http.Response awaitEntries(String recipientCode, int count) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> http.get("/api/notifications?recipientCode=" + recipientCode, viewer),
                        r -> r.status() == 200 && r.body().get("total").asLong() >= count);
    }

    private double skipped() {
        return meters.find("notifications.skipped").tag("reason", "no_recipient").counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private String prometheus() {
        try (InputStream in = URI.create("http://127.0.0.1:" + port + "/actuator/prometheus").toURL().openStream()) {
            return new Scanner(in).useDelimiter("\\A").next();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertRefused(Http.Response response, String field) {
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("status").asInt()).isEqualTo(400);
        assertThat(response.field("title")).isNotBlank();
        assertThat(response.field("detail")).isNotBlank();
        assertThat(response.body().get("errors").findValuesAsString("field")).contains(field);
    }

    static Map<String, String> headers(String id, String prisonNumber) {
        return Map.of("ce_id", id, "ce_type", RECEIVED, "ce_source", "/resettlement-service", "ce_specversion", "1.0",
                "ce_subject", prisonNumber, "ce_time", "2026-11-20T09:00:00Z",
                "ce_dataschema", "/schemas/resettlement.prisoner.received/v1.json", "content-type", "application/json");
    }

    static String received(String prisonNumber, String responsibleOfficerCode) {
        return """
                {"caseId":"%s","prisonNumber":"%s","prisonCode":"NMI","receivedOn":"2026-11-20","sex":"FEMALE",
                 "riskOfSeriousHarm":"MEDIUM",%s"screeningDueBy":"2026-11-27"}
                """.formatted(UUID.randomUUID(), prisonNumber,
                responsibleOfficerCode == null ? "" : "\"responsibleOfficerCode\":\"" + responsibleOfficerCode + "\",");
    }

    static String newOfficerCode() {
        return "N01RO" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
    }

    static String newPrisonNumber() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "" + (char) ('A' + random.nextInt(26)) + (1000 + random.nextInt(9000))
                + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26));
    }
}
