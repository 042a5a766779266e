package uk.probation.gate.communitypayback.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static uk.probation.gate.platform.test.Problems.assertProblem;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import uk.probation.gate.communitypayback.order.Order;
import uk.probation.gate.communitypayback.session.Booking;
import uk.probation.gate.communitypayback.session.Session;
import uk.probation.gate.contracts.Topics;
import uk.probation.gate.platform.test.Http;
import uk.probation.gate.platform.test.Identifiers;
import uk.probation.gate.platform.test.LogCapture;
import uk.probation.gate.platform.test.SarCoverage;
import uk.probation.gate.platform.test.Tokens;
import uk.probation.gate.platform.test.TopicReader;

/**
 * Finished orders are erased when their retention (P7Y from the day they ended) is over, and the others are told:
 * the order goes (404, not listed, not in the subject access report), its erased event is on the broker, the
 * person leaves every session (the headcount stays a number), a live order stays however old, and the purge run
 * again changes nothing. The whole journey leaves no CRN in the logs.
 */
class RetentionEmbeddedIT extends DataProtectionScenarios {

    static final String ERASED = "community-payback.order.erased";

    @Autowired
    FinishedOrdersRetention finishedOrders;

    @Test
    void aFinishedOrderIsErasedAfterSevenYearsAndToldWhileLiveOrdersStay() {
        String crn = Identifiers.crn();
        String liveCrn = Identifiers.crn();
        String project = project(coordinator);
        Person person;
        String live;
        try (LogCapture logs = LogCapture.capture()) {
            person = completedPerson(crn, project);
            // someone else, still working their order, booked on the same session
            live = placedOrder(liveCrn, project);
            assertThat(book(coordinator, person.firstSession(), live).status()).isEqualTo(201);
            // refused requests on the way: another area's coordinator, an order that is not booked, a completed one
            String elsewhere = Tokens.coordinatorIn("coordinator-elsewhere", "N53LEI");
            assertThat(http.get("/api/orders/" + person.orderId(), elsewhere).status()).isEqualTo(404);
            assertProblem(attend(coordinator, person.secondSession(), live, 60), 422, "orderId");
            assertThat(book(coordinator, person.secondSession(), person.orderId()).status()).isEqualTo(409);
            assertThat(http.get("/subject-access-request?crn=" + crn, Tokens.forSubjectAccess()).status())
                    .isEqualTo(200);

            JsonNode figuresBefore = figures();
            Instant ended = LocalDate.now(ZoneId.of("Europe/London")).atStartOfDay().toInstant(ZoneOffset.UTC);

            // not yet: seven years less a day after the order ended, everything stays
            finishedOrders.purge(ended.atOffset(ZoneOffset.UTC).plusYears(7).minusDays(1).toInstant());
            assertThat(http.get("/api/orders/" + person.orderId(), coordinator).status()).isEqualTo(200);
            assertThat(mongo.findById(person.firstSession(), Session.class).booking(person.orderId())).isNotNull();

            // seven years and a day after: the finished order is erased, the live one (received the same day) stays
            Instant expired = ended.atOffset(ZoneOffset.UTC).plusYears(7).plusDays(2).toInstant();
            assertThat(finishedOrders.purge(expired)).isGreaterThanOrEqualTo(1);

            assertThat(http.get("/api/orders/" + person.orderId(), coordinator).status()).isEqualTo(404);
            assertThat(http.get("/api/orders?crn=" + crn, coordinator).body().get("items")).isEmpty();
            assertThat(http.get("/subject-access-request?crn=" + crn, Tokens.forSubjectAccess()).status())
                    .isEqualTo(204);
            assertThat(http.get("/api/orders/" + live, coordinator).status()).isEqualTo(200);
            assertThat(http.get("/api/orders?crn=" + liveCrn, coordinator).body().get("items")).hasSize(1);

            // the tombstone keeps nothing about the person, only what its erased event needs until it is published
            Document tombstone = mongo.getCollection("orders").find(new Document("_id", person.orderId())).first();
            assertThat(tombstone).isNotNull();
            assertThat(tombstone.getString("status")).isEqualTo("ERASED");
            assertThat(tombstone.keySet()).doesNotContain("crn", "sentenceDate", "sex", "assessment", "placement",
                    "responsibleOfficerCode", "riskOfSeriousHarm", "completedOn", "receivedAt");
            assertThat(tombstone.getList("attendances", Object.class, List.of())).isEmpty();

            // the person has left every session; the live person's booking stays; the places stay counted
            Session first = mongo.findById(person.firstSession(), Session.class);
            assertThat(first.getBookings()).extracting(Booking::orderId).containsExactly(live);
            assertThat(first.getErasedPlaces()).hasSize(1);
            assertThat(first.getErasedPlaces().get(0).outcome()).hasToString("ATTENDED_COMPLIED");
            Session stoodDown = mongo.findById(person.stoodDownSession(), Session.class);
            assertThat(stoodDown.getSentHome()).isEmpty();
            assertThat(stoodDown.getErasedPlaces()).singleElement()
                    .satisfies(h -> assertThat(h.sentHome()).isTrue());
            JsonNode figuresAfter = figures();
            assertThat(figuresAfter.get("sessionsBooked").asInt()).isEqualTo(figuresBefore.get("sessionsBooked").asInt());
            assertThat(figuresAfter.get("stoodDown").asInt()).isEqualTo(figuresBefore.get("stoodDown").asInt());
            assertThat(figuresAfter.get("orders").asInt()).isEqualTo(figuresBefore.get("orders").asInt() - 1);

            // the others are told, on the real broker, with identifiers only
            TopicReader.Event erased = topics.await(Topics.COMMUNITY_PAYBACK,
                    e -> ERASED.equals(e.header("ce_type")) && crn.equals(e.key()), 1).get(0);
            assertThat(erased.data().get("orderId").asString()).isEqualTo(person.orderId());
            assertThat(erased.data().get("crn").asString()).isEqualTo(crn);
            assertThat(erased.data().get("areaCode").asString()).isEqualTo(area);
            assertThat(erased.data().get("erasedOn").asString()).isEqualTo(
                    LocalDate.ofInstant(expired, ZoneId.of("Europe/London")).toString());
            assertThat(erased.data().propertyNames()).containsExactlyInAnyOrder("orderId", "crn", "areaCode",
                    "erasedOn");

            // once the event is out, the next pass deletes the tombstone; nothing names the person any more
            await().atMost(Duration.ofSeconds(15)).until(() -> mongo.findById(person.orderId(), Order.class)
                    .getOutbox().isEmpty());
            assertThat(finishedOrders.purge(expired)).isZero();
            assertThat(mongo.findById(person.orderId(), Order.class)).isNull();
            assertThat(SarCoverage.collectionsNaming(mongo.getDb(), crn, person.orderId()))
                    .containsOnly("audit_log");

            // and again: nothing left to do, nothing changes
            long orders = mongo.getCollection("orders").countDocuments();
            long events = topics.all(Topics.COMMUNITY_PAYBACK).stream().filter(e -> ERASED.equals(e.header("ce_type")))
                    .count();
            assertThat(finishedOrders.purge(expired)).isZero();
            assertThat(mongo.getCollection("orders").countDocuments()).isEqualTo(orders);
            assertThat(http.get("/api/orders/" + live, coordinator).status()).isEqualTo(200);
            assertThat(topics.all(Topics.COMMUNITY_PAYBACK).stream().filter(e -> ERASED.equals(e.header("ce_type")))
                    .count()).isEqualTo(events);

            logs.assertNoLineContains(crn, liveCrn);
        }
    }

    @Test
    void adminsSeeThePolicyAndRunThePurge() {
        Http.Response policies = http.get("/api/admin/retention", Tokens.forRole("ADMIN"));
        assertThat(policies.status()).isEqualTo(200);
        JsonNode finished = null;
        for (JsonNode p : policies.body()) {
            if ("finished-orders".equals(p.get("name").asString())) {
                finished = p;
            }
        }
        assertThat(finished).as("finished-orders in %s", policies.body()).isNotNull();
        assertThat(finished.get("period").asString()).isEqualTo("P7Y");

        // nothing finished seven years ago today: a run erases nothing and records that it ran
        String crn = Identifiers.crn();
        completedPerson(crn, project(coordinator));
        Http.Response run = http.post("/api/admin/retention/run", Tokens.forRole("ADMIN"), Map.of());
        assertThat(run.status()).isEqualTo(200);
        assertThat(run.body().get("purged").get("finished-orders").asInt()).isZero();
        assertThat(http.get("/api/orders?crn=" + crn, coordinator).body().get("items")).hasSize(1);
        assertThat(http.post("/api/admin/retention/run", coordinator, Map.of()).status()).isEqualTo(403);
    }

    /** The national figures for the test's area. */
    JsonNode figures() {
        Http.Response figures = http.get("/api/outcomes/unpaid-work?groupBy=area", Tokens.forRole("OPS_VIEWER"));
        assertThat(figures.status()).isEqualTo(200);
        for (JsonNode item : figures.body().get("items")) {
            if (area.equals(item.path("areaCode").asString())) {
                return item;
            }
        }
        throw new AssertionError("no figures for " + area + ": " + figures.body());
    }
}
