package uk.probation.gate.communitypayback.session;

import static uk.probation.gate.platform.test.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import uk.probation.gate.platform.test.Identifiers;
import static org.awaitility.Awaitility.await;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.probation.gate.contracts.Topics;
import uk.probation.gate.platform.test.Http;
import uk.probation.gate.platform.test.Prometheus;
import uk.probation.gate.platform.test.Tokens;
import uk.probation.gate.platform.test.TopicReader;

/**
 * Sessions at risk: the capacity forecast shows them before anyone is sent home, and a stand-down sends everyone
 * booked home once, frees the places and counts nothing against them.
 */
abstract class StandDownScenarios extends UnpaidWorkScenarioSupport {

    @Test
    void aStandDownSendsEveryoneBookedHomeOnceFreesThePlacesAndCountsNothingAgainstThem() {
        String project = project("GROUP", false, null);
        String session = session(project, today.plusDays(3), 2, 3);
        List<String> crns = new ArrayList<>();
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String crn = Identifiers.crn();
            String orderId = placedOrder(crn, 60, project, "MEDIUM");
            assertThat(book(session, orderId).status()).isEqualTo(201);
            crns.add(crn);
            orders.add(orderId);
        }

        Http.Response stoodDown = http.post("/api/sessions/" + session + "/stand-down", coordinator,
                Map.of("reason", "NO_SUPERVISOR"));

        assertThat(stoodDown.status()).isEqualTo(200);
        assertThat(stoodDown.body().get("sentHome").asInt()).isEqualTo(3);
        Http.Response read = http.get("/api/sessions/" + session, coordinator);
        assertThat(read.field("status")).isEqualTo("STOOD_DOWN");
        assertThat(read.body().get("booked").asInt()).isZero();
        for (String crn : crns) {
            List<TopicReader.Event> sent = topics.await(Topics.COMMUNITY_PAYBACK, about(crn, SENT_HOME), 1);
            assertThat(sent.get(0).data().get("reason").asString()).isEqualTo("NO_SUPERVISOR");
            assertThat(sent.get(0).data().get("sessionId").asString()).isEqualTo(session);
            assertThat(sent.get(0).key()).isEqualTo(crn);
        }
        for (String orderId : orders) {
            Http.Response order = http.get("/api/orders/" + orderId, coordinator);
            assertThat(order.body().get("enforceableFailures").asInt()).isZero();
            assertThat(order.body().get("creditedMinutes").asInt()).isZero();
            assertProblem(attend(session, orderId, "UNACCEPTABLE_ABSENCE", 0), 422, "orderId");
        }
        assertThat(book(session, orders.get(0)).status()).isEqualTo(409);
        assertThat(http.post("/api/sessions/" + session + "/stand-down", coordinator, Map.of("reason", "WEATHER"))
                .status()).isEqualTo(409);

        // sent home after reporting: the service's failure, published as sent home, nothing credited or counted
        String other = session(project, today, 1, 3);
        assertThat(book(other, orders.get(1)).status()).isEqualTo(201);
        Http.Response serviceIssue = attend(other, orders.get(1), "SENT_HOME_SERVICE_ISSUE", 90);
        assertThat(serviceIssue.status()).isEqualTo(201);
        assertThat(serviceIssue.body().get("minutesCredited").asInt()).isZero();
        assertThat(serviceIssue.body().get("minutesNotCredited").asInt()).isEqualTo(90);
        assertThat(serviceIssue.body().get("enforceableFailures").asInt()).isZero();
        assertThat(serviceIssue.body().get("creditedMinutes").asInt()).isZero();
        List<TopicReader.Event> sent = topics.await(Topics.COMMUNITY_PAYBACK,
                about(crns.get(1), SENT_HOME).and(e -> other.equals(e.data().get("sessionId").asString())), 1);
        assertThat(sent.get(0).data().get("reason").asString()).isEqualTo("SERVICE_ISSUE");

        // a marker attendance after all of it: once its event is on the topic, any attendance event would be too
        String marker = Identifiers.crn();
        String markerOrder = placedOrder(marker, 60, project, "LOW");
        assertThat(book(other, markerOrder).status()).isEqualTo(201);
        assertThat(attend(other, markerOrder, "ATTENDED_COMPLIED", 60).status()).isEqualTo(201);
        topics.await(Topics.COMMUNITY_PAYBACK, about(marker, ATTENDED), 1);
        assertThat(topics.all(Topics.COMMUNITY_PAYBACK).stream()
                .filter(e -> crns.contains(e.key()) && ATTENDED.equals(e.header("ce_type")))).isEmpty();
        assertThat(topics.all(Topics.COMMUNITY_PAYBACK).stream()
                .filter(e -> crns.contains(e.key()) && SENT_HOME.equals(e.header("ce_type")))).hasSize(4);

        assertThat(metrics.added("community_payback_stand_downs_total", "area", area, "reason", "NO_SUPERVISOR"))
                .isEqualTo(1.0);
        assertThat(metrics.added("community_payback_sent_home_total", "area", area, "reason", "NO_SUPERVISOR"))
                .isEqualTo(3.0);
        assertThat(metrics.added("community_payback_sent_home_total", "area", area, "reason", "SERVICE_ISSUE"))
                .isEqualTo(1.0);
        assertThat(metrics.counted("community_payback_enforceable_failures_total", "area", area)).isZero();
    }

    @Test
    void theCapacityForecastShowsSessionsAtRiskBeforeAnyoneIsSentHome() throws InterruptedException {
        // the gauge is read from the sessions every second: the baseline is taken once earlier tests' sessions are in
        Thread.sleep(1500);
        metrics = Prometheus.since(this::scrape, AREA_LABEL);
        String project = project("GROUP", false, null);
        LocalDate day = today.plusDays(6);
        String busy = session(project, day, 1, 2);
        String quiet = session(project, day, 2, 4);
        String nextDay = session(project, day.plusDays(1), 1, 4);
        book(busy, placedOrder(Identifiers.crn(), 60, project, "LOW"));
        book(busy, placedOrder(Identifiers.crn(), 60, project, "LOW"));
        book(quiet, placedOrder(Identifiers.crn(), 60, project, "LOW"));

        Http.Response fine = capacity(day, day.plusDays(1), Tokens.forRole("OPS_VIEWER"));
        assertThat(fine.status()).isEqualTo(200);
        assertThat(fine.body().get("total").asInt()).isEqualTo(3);
        assertThat(fine.body().get("items")).allSatisfy(s -> assertThat(s.get("atRisk").asBoolean()).isFalse());

        // a supervisor calls in sick: capacity drops below what is booked
        Http.Response sick = http.put("/api/sessions/" + busy + "/supervisors", coordinator, Map.of("supervisors", 0));
        assertThat(sick.status()).isEqualTo(200);
        assertThat(sick.body().get("capacity").asInt()).isZero();

        Http.Response atRisk = capacity(day, day.plusDays(1), coordinator);
        assertThat(atRisk.body().get("items")).hasSize(3);
        var busyView = find(atRisk, busy);
        assertThat(busyView.get("capacity").asInt()).isZero();
        assertThat(busyView.get("booked").asInt()).isEqualTo(2);
        assertThat(busyView.get("atRisk").asBoolean()).isTrue();
        assertThat(busyView.get("risks").toString()).contains("OVER_BOOKED", "NO_SUPERVISOR");
        var quietView = find(atRisk, quiet);
        assertThat(quietView.get("capacity").asInt()).isEqualTo(8);
        assertThat(quietView.get("booked").asInt()).isEqualTo(1);
        assertThat(quietView.get("atRisk").asBoolean()).isFalse();
        var days = atRisk.body().get("days");
        assertThat(days).hasSize(2);
        assertThat(days.get(0).get("date").asString()).isEqualTo(day.toString());
        assertThat(days.get(0).get("capacity").asInt()).isEqualTo(8);
        assertThat(days.get(0).get("booked").asInt()).isEqualTo(3);
        assertThat(days.get(0).get("overBooked").asBoolean()).isTrue();
        assertThat(days.get(0).get("sessionsAtRisk").asInt()).isEqualTo(1);
        assertThat(days.get(1).get("overBooked").asBoolean()).isFalse();
        assertThat(find(atRisk, nextDay).get("capacity").asInt()).isEqualTo(4);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(metrics.counted("community_payback_sessions_at_risk", "area", area, "reason", "OVER_BOOKED"))
                    .isEqualTo(1.0);
            assertThat(metrics.counted("community_payback_sessions_at_risk", "area", area, "reason", "NO_SUPERVISOR"))
                    .isEqualTo(1.0);
        });
        // a supervisor is found: the session is no longer at risk and the gauge clears
        assertThat(http.put("/api/sessions/" + busy + "/supervisors", coordinator, Map.of("supervisors", 1))
                .body().get("atRisk").asBoolean()).isFalse();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(metrics.counted("community_payback_sessions_at_risk", "area", area)).isZero());

        // or people are moved off it: a cancelled booking frees the place
        String moved = find(capacity(day, day, coordinator), quiet).get("bookings").get(0).get("orderId").asString();
        assertThat(http.delete("/api/sessions/" + quiet + "/bookings/" + moved, coordinator).status()).isEqualTo(204);
        assertThat(http.get("/api/sessions/" + quiet, coordinator).body().get("booked").asInt()).isZero();
        assertThat(http.delete("/api/sessions/" + quiet + "/bookings/" + moved, coordinator).status()).isEqualTo(404);
        assertThat(http.delete("/api/sessions/" + busy + "/bookings/" + moved, Tokens.forRole("OPS_VIEWER"))
                .status()).isEqualTo(403);

        assertThat(capacity(day, day, Tokens.forRole("PROVIDER")).status()).isEqualTo(403);
        assertThat(http.get("/api/capacity?areaCode=" + area, null).status()).isEqualTo(401);
    }
}
