package uk.probation.gate.communitypayback.session;

import static uk.probation.gate.platform.test.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import uk.probation.gate.platform.test.Identifiers;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import uk.probation.gate.communitypayback.CommunityPaybackApplication;
import uk.probation.gate.contracts.Topics;
import uk.probation.gate.platform.test.AbandonedAttempts;
import uk.probation.gate.platform.test.Http;

/**
 * Booking places on sessions: the last place goes to exactly one order (two coordinators, two instances), bookings
 * follow the calendar and an order's days per week, a killed attempt's booking is answered on retry.
 */
abstract class BookingScenarios extends UnpaidWorkScenarioSupport {

    @Test
    void twoCoordinatorsBookingTheLastPlaceAtOnceGetOneBookingAndOneFull() throws Exception {
        String project = project("GROUP", false, null);
        String session = session(project, today.plusDays(2), 1, 3);
        assertThat(book(session, placedOrder(Identifiers.crn(), 60, project, "LOW")).status()).isEqualTo(201);
        assertThat(book(session, placedOrder(Identifiers.crn(), 60, project, "LOW")).status()).isEqualTo(201);
        List<String> contenders = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            contenders.add(placedOrder(Identifiers.crn(), 60, project, "LOW"));
        }

        List<Integer> statuses = race(session, contenders, List.of(new Http("http://127.0.0.1:" + port)));

        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
        Session stored = mongo.findById(session, Session.class);
        assertThat(stored.getBookings()).hasSize(3);
        assertThat(http.get("/api/sessions/" + session, coordinator).body().get("placesLeft").asInt()).isZero();
    }

    @Test
    void attendanceBookingsAndCompletionFollowTheCalendar() {
        String crn = Identifiers.crn();
        String project = project("GROUP", false, null);
        String orderId = placedOrder(crn, 40, project, "LOW");
        String yesterday = session(project, today.minusDays(1), 1, 5);
        String tomorrow = session(project, today.plusDays(1), 1, 5);

        // a session that has already happened cannot be booked
        Http.Response past = book(yesterday, orderId);
        assertProblem(past, 422, "sessionDate");
        assertThat(past.body().get("errors").get(0).get("message").asString()).contains(today.minusDays(1).toString());
        assertThat(mongo.findById(yesterday, Session.class).getBookings()).isEmpty();

        // nobody has worked tomorrow's session yet: no attendance for it, and nothing credited
        assertThat(book(tomorrow, orderId).status()).isEqualTo(201);
        Http.Response early = attend(tomorrow, orderId, "ATTENDED_COMPLIED", 480);
        assertProblem(early, 422, "sessionDate");
        assertThat(early.body().get("errors").get(0).get("message").asString())
                .startsWith("cannot record attendance before the session's day");
        assertProblem(attend(tomorrow, orderId, "UNACCEPTABLE_ABSENCE", 0), 422, "sessionDate");
        assertThat(mongo.findById(tomorrow, Session.class).booking(orderId).outcome()).isNull();

        // four days' work today; the fifth session, the one that would complete the order, is tomorrow's: it cannot
        // be recorded, so the order is not completed on a day still to come
        for (int i = 0; i < 4; i++) {
            String s = session(project, today, 1, 5);
            assertThat(book(s, orderId).status()).isEqualTo(201);
            assertThat(attend(s, orderId, "ATTENDED_COMPLIED", 480).status()).isEqualTo(201);
        }
        assertProblem(attend(tomorrow, orderId, "ATTENDED_COMPLIED", 480), 422, "sessionDate");
        Http.Response open = http.get("/api/orders/" + orderId, coordinator);
        assertThat(open.field("status")).isEqualTo("PLACED");
        assertThat(open.body().get("remainingMinutes").asInt()).isEqualTo(480);
        assertThat(open.body().path("completedOn").isNull() || open.body().path("completedOn").isMissingNode())
                .isTrue();
        assertThat(open.body().get("attendances")).hasSize(4);

        // the marker: an order published after the refusals; by then anything refused would be on the topic too
        String marker = Identifiers.crn();
        order(marker, 40, today, "LOW");
        topics.await(Topics.COMMUNITY_PAYBACK, about(marker, RECEIVED), 1);
        assertThat(topics.all(Topics.COMMUNITY_PAYBACK).stream().filter(e -> crn.equals(e.key())))
                .extracting(e -> e.header("ce_type")).containsExactly(RECEIVED, PLACED, ATTENDED, ATTENDED, ATTENDED,
                        ATTENDED);
    }

    @Test
    void anOrderIsBookedOnAtMostItsDaysPerWeekIntensiveOrNot() {
        String project = project("GROUP", false, null);
        LocalDate monday = today.with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.MONDAY));
        Map<Integer, String> morning = new HashMap<>();
        Map<Integer, String> afternoon = new HashMap<>();
        for (int day = 0; day < 8; day++) {
            morning.put(day, session(project, monday.plusDays(day), 1, 5));
            afternoon.put(day, session(project, monday.plusDays(day), 1, 5));
        }

        // not intensive: two days a week (configured), two sessions on one day counting as one
        String normal = placedOrder(Identifiers.crn(), 40, project, "LOW");
        assertThat(book(morning.get(0), normal).status()).isEqualTo(201);
        assertThat(book(afternoon.get(0), normal).status()).isEqualTo(201);
        assertThat(book(morning.get(1), normal).status()).isEqualTo(201);
        Http.Response third = book(morning.get(2), normal);
        assertProblem(third, 422, "sessionId");
        assertThat(third.body().get("errors").get(0).get("message").asString()).contains("at most 2 days a week")
                .contains("not intensive");
        assertThat(mongo.findById(morning.get(2), Session.class).getBookings()).isEmpty();
        // the next week is a week of its own; a cancelled day frees its place in the week
        assertThat(book(morning.get(7), normal).status()).isEqualTo(201);
        assertThat(http.delete("/api/sessions/" + morning.get(1) + "/bookings/" + normal, coordinator).status())
                .isEqualTo(204);
        assertThat(book(morning.get(2), normal).status()).isEqualTo(201);

        // intensive: four days a week
        String intensive = placedOrder(Identifiers.crn(), 40, project, "LOW");
        Map<String, Object> assessed = assessment(EVERY_DAY, "HIGH");
        assessed.put("intensive", true);
        assertThat(http.put("/api/orders/" + intensive + "/assessment", coordinator, assessed).status())
                .isEqualTo(200);
        for (int day = 0; day < 4; day++) {
            assertThat(book(morning.get(day), intensive).status()).as("day " + day).isEqualTo(201);
        }
        assertThat(book(afternoon.get(3), intensive).status()).isEqualTo(201);
        Http.Response fifth = book(morning.get(4), intensive);
        assertProblem(fifth, 422, "sessionId");
        assertThat(fifth.body().get("errors").get(0).get("message").asString()).contains("at most 4 days a week")
                .contains("intensive");
        assertThat(mongo.findById(morning.get(4), Session.class).getBookings()).isEmpty();
        assertThat(http.get("/api/sessions/" + morning.get(4), coordinator).body().get("booked").asInt()).isZero();
    }

    @Test
    void twoInstancesOfTheServiceStillGiveTheLastPlaceToExactlyOneOrder() throws Exception {
        String project = project("GROUP", false, null);
        String session = session(project, today.plusDays(2), 1, 2);
        assertThat(book(session, placedOrder(Identifiers.crn(), 60, project, "LOW")).status()).isEqualTo(201);
        List<String> contenders = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            contenders.add(placedOrder(Identifiers.crn(), 60, project, "LOW"));
        }
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(CommunityPaybackApplication.class)
                .run(sameInfrastructure())) {
            String secondPort = second.getEnvironment().getProperty("local.server.port");
            Http other = new Http("http://127.0.0.1:" + secondPort);
            assertThat(other.get("/api/sessions/" + session, coordinator).body().get("booked").asInt()).isEqualTo(1);

            List<Integer> statuses = race(session, contenders, List.of(new Http("http://127.0.0.1:" + port), other));

            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
        }
        assertThat(mongo.findById(session, Session.class).getBookings()).hasSize(2);
    }

    /**
     * An instance killed after storing a new session, a placement or a booking but before answering (ADR 0012): the
     * retry with the same Idempotency-Key gets what was stored (the same session, the placed order, the booking),
     * not a second session or a 409 for a change it made itself.
     */
    @Test
    void aSessionAPlacementAndABookingStoredByAnAttemptKilledBeforeAnsweringAreAnsweredOnRetry() {
        String project = project("GROUP", false, null);
        var keys = mongo.getCollection("idempotency_keys");
        Map<String, Object> newSession = Map.of("date", today.plusDays(3).toString(), "startTime", "08:00",
                "endTime", "16:00", "supervisors", 1, "placesPerSupervisor", 4);
        Map<String, String> sessionKey = Map.of("Idempotency-Key", "session-" + project);
        Http.Response created = http.post("/api/projects/" + project + "/sessions", coordinator, newSession,
                sessionKey);
        assertThat(created.status()).isEqualTo(201);
        String session = created.field("id");
        AbandonedAttempts.killedBeforeAnswering(keys, session);
        Http.Response createdAgain = http.post("/api/projects/" + project + "/sessions", coordinator, newSession,
                sessionKey);
        assertThat(createdAgain.status()).isEqualTo(201);
        assertThat(createdAgain.field("id")).isEqualTo(session);
        assertThat(mongo.count(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("projectCode").is(project)), Session.class))
                .isEqualTo(1);

        String crn = Identifiers.crn();
        String orderId = order(crn, 40, today, "LOW");
        assertThat(http.put("/api/orders/" + orderId + "/assessment", coordinator, assessment(EVERY_DAY, "MEDIUM"))
                .status()).isEqualTo(200);
        Map<String, String> placeKey = Map.of("Idempotency-Key", "place-" + orderId);
        assertThat(http.post("/api/orders/" + orderId + "/placement", coordinator, Map.of("projectCode", project),
                placeKey).status()).isEqualTo(200);
        AbandonedAttempts.killedBeforeAnswering(keys, orderId);
        Http.Response placedAgain = http.post("/api/orders/" + orderId + "/placement", coordinator,
                Map.of("projectCode", project), placeKey);
        assertThat(placedAgain.status()).isEqualTo(200);
        assertThat(placedAgain.field("status")).isEqualTo("PLACED");

        Map<String, String> bookKey = Map.of("Idempotency-Key", "book-" + orderId);
        assertThat(http.post("/api/sessions/" + session + "/bookings", coordinator, Map.of("orderId", orderId),
                bookKey).status()).isEqualTo(201);
        AbandonedAttempts.killedBeforeAnswering(keys, orderId);
        Http.Response bookedAgain = http.post("/api/sessions/" + session + "/bookings", coordinator,
                Map.of("orderId", orderId), bookKey);
        assertThat(bookedAgain.status()).isEqualTo(201);
        assertThat(bookedAgain.body().get("booked").asInt()).isEqualTo(1);
        // a new request to book the same order is still refused
        assertThat(http.post("/api/sessions/" + session + "/bookings", coordinator, Map.of("orderId", orderId),
                Map.of("Idempotency-Key", "another-" + orderId)).status()).isEqualTo(409);

        assertThat(topics.await(Topics.COMMUNITY_PAYBACK, about(crn, PLACED), 1)).hasSize(1);
    }
}
