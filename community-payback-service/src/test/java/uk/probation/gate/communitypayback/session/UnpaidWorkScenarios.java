package uk.probation.gate.communitypayback.session;

import static uk.probation.gate.platform.test.Problems.assertProblem;

import static org.assertj.core.api.Assertions.assertThat;
import uk.probation.gate.platform.test.Identifiers;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
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
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import uk.probation.gate.communitypayback.CommunityPaybackApplication;
import uk.probation.gate.communitypayback.order.Order;
import uk.probation.gate.contracts.Topics;
import uk.probation.gate.platform.metrics.Labels;
import uk.probation.gate.platform.test.AbandonedAttempts;
import uk.probation.gate.platform.test.Http;
import uk.probation.gate.platform.test.Prometheus;
import uk.probation.gate.platform.test.RunningService;
import uk.probation.gate.platform.test.Tokens;
import uk.probation.gate.platform.test.TopicReader;

/**
 * Unpaid work from assessment to completion, run against the embedded broker and Mongo wire server here and
 * against real Kafka and MongoDB images where Docker exists: stimulate through HTTP, then read the topic, the
 * store and the metrics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "community-payback.metrics-refresh=PT1S")
@AutoConfigureMetrics
abstract class UnpaidWorkScenarios extends RunningService {

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

    @Test
    void anOrderIsWorkedFromReceiptToCompletionThroughTheApiAndTheTopic() {
        String crn = Identifiers.crn();
        String orderId = order(crn, 40, today, "LOW");
        String project = project("GROUP", false, null);
        // attendance is recorded on or after the session's day: every session worked here is today's
        String firstSession = session(project, today, 1, 5);

        assertProblem(http.post("/api/orders/" + orderId + "/placement", coordinator, Map.of("projectCode", project)),
                422, "assessment");
        assertProblem(http.post("/api/sessions/" + firstSession + "/bookings", coordinator, Map.of("orderId", orderId)),
                422, "orderId");

        assertThat(http.put("/api/orders/" + orderId + "/assessment", coordinator, assessment(EVERY_DAY, "HIGH"))
                .field("status")).isEqualTo("AWAITING_PLACEMENT");
        Http.Response placed = http.post("/api/orders/" + orderId + "/placement", coordinator,
                Map.of("projectCode", project));
        assertThat(placed.status()).isEqualTo(200);
        assertThat(placed.field("status")).isEqualTo("PLACED");
        assertThat(placed.body().get("placement").get("projectCode").asString()).isEqualTo(project);
        assertThat(placed.body().get("assessment").get("motivationToComply").asString()).isEqualTo("HIGH");

        List<String> sessions = new ArrayList<>(List.of(firstSession));
        for (int i = 2; i <= 5; i++) {
            sessions.add(session(project, today, 1, 5));
        }
        for (String session : sessions) {
            Http.Response booked = book(session, orderId);
            assertThat(booked.status()).isEqualTo(201);
            assertThat(booked.body().get("booked").asInt()).isEqualTo(1);
            assertThat(booked.body().get("capacity").asInt()).isEqualTo(5);
        }
        for (int i = 0; i < 4; i++) {
            Http.Response attended = attend(sessions.get(i), orderId, "ATTENDED_COMPLIED", 480);
            assertThat(attended.status()).isEqualTo(201);
            assertThat(attended.body().get("minutesCredited").asInt()).isEqualTo(480);
        }
        Http.Response last = attend(sessions.get(4), orderId, "ATTENDED_COMPLIED", 480);
        assertThat(last.field("orderStatus")).isEqualTo("COMPLETED");
        assertThat(last.body().get("remainingMinutes").asInt()).isZero();

        Http.Response read = http.get("/api/orders/" + orderId, Tokens.forRole("OPS_VIEWER"));
        assertThat(read.field("status")).isEqualTo("COMPLETED");
        assertThat(read.body().get("creditedMinutes").asInt()).isEqualTo(2400);
        assertThat(read.body().get("remainingMinutes").asInt()).isZero();
        assertThat(read.field("completedOn")).isEqualTo(today.toString());
        assertThat(read.body().get("withinTwelveMonths").asBoolean()).isTrue();
        assertThat(read.body().get("attendances")).hasSize(5);

        List<TopicReader.Event> events = topics.await(Topics.COMMUNITY_PAYBACK, about(crn, COMPLETED), 1);
        TopicReader.Event completed = events.get(0);
        assertThat(completed.data().get("withinTwelveMonths").asBoolean()).isTrue();
        assertThat(completed.data().get("creditedMinutes").asInt()).isEqualTo(2400);
        assertThat(completed.data().get("completedOn").asString()).isEqualTo(today.toString());
        assertThat(completed.data().get("responsibleOfficerCode").asString()).isEqualTo("N53RO7");
        List<TopicReader.Event> all = topics.all(Topics.COMMUNITY_PAYBACK).stream().filter(e -> crn.equals(e.key()))
                .toList();
        assertThat(all).extracting(e -> e.header("ce_type")).containsExactly(RECEIVED, PLACED, ATTENDED, ATTENDED,
                ATTENDED, ATTENDED, ATTENDED, COMPLETED);
        assertThat(all).allSatisfy(e -> {
            assertThat(e.header("ce_subject")).isEqualTo(crn);
            assertThat(e.data().get("responsibleOfficerCode").asString()).isEqualTo("N53RO7");
        });
        TopicReader.Event placement = all.get(1);
        assertThat(placement.data().get("projectCode").asString()).isEqualTo(project);
        assertThat(placement.data().get("projectType").asString()).isEqualTo("GROUP");
        TopicReader.Event firstAttended = all.get(2);
        assertThat(firstAttended.data().get("sessionId").asString()).isEqualTo(firstSession);
        assertThat(firstAttended.data().get("minutesCredited").asInt()).isEqualTo(480);
        assertThat(firstAttended.data().get("remainingMinutes").asInt()).isEqualTo(1920);

        assertThat(metrics.added("community_payback_minutes_credited_total", "area", area, "project_type", "GROUP"))
                .isEqualTo(2400.0);
        assertThat(metrics.added("community_payback_orders_completed_total", "area", area, "outcome", "WITHIN_12_MONTHS"))
                .isEqualTo(1.0);
        assertThat(metrics.added("community_payback_assessments_total", "area", area, "outcome", "HIGH")).isEqualTo(1.0);
        assertThat(metrics.added("community_payback_days_sentence_to_first_session_days_count", "area", area))
                .isEqualTo(1.0);
        assertThat(metrics.added("community_payback_days_sentence_to_first_session_days_sum", "area", area))
                .isEqualTo(0.0);
        // the same outcome again (a retry whose first answer was lost) changes nothing; another outcome is refused
        Http.Response again = attend(sessions.get(4), orderId, "ATTENDED_COMPLIED", 480);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body().get("creditedMinutes").asInt()).isEqualTo(2400);
        assertThat(attend(sessions.get(4), orderId, "UNACCEPTABLE_ABSENCE", 0).status()).isEqualTo(409);
        assertThat(http.get("/api/orders/" + orderId, Tokens.forRole("OPS_VIEWER")).body().get("attendances"))
                .hasSize(5);
        assertThat(metrics.added("community_payback_minutes_credited_total", "area", area, "project_type", "GROUP"))
                .isEqualTo(2400.0);
        assertThat(topics.all(Topics.COMMUNITY_PAYBACK).stream().filter(about(crn, ATTENDED))).hasSize(5);
    }

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
    void educationAndTrainingIsCappedAtTheConfiguredShare() {
        String crn = Identifiers.crn();
        String college = project("INDIVIDUAL", true, "West Notts College");
        String orderId = placedOrder(crn, 40, college, "MEDIUM");
        assertThat(http.get("/api/orders/" + orderId, coordinator).body().get("eteMinutesAllowed").asInt())
                .isEqualTo(720);
        String first = session(college, today, 1, 1);
        String second = session(college, today, 1, 1);
        String third = session(college, today, 1, 1);
        for (String s : List.of(first, second, third)) {
            assertThat(book(s, orderId).status()).isEqualTo(201);
        }

        assertThat(attend(first, orderId, "ATTENDED_COMPLIED", 480).body().get("minutesCredited").asInt())
                .isEqualTo(480);
        Http.Response capped = attend(second, orderId, "ATTENDED_COMPLIED", 480);
        assertThat(capped.body().get("minutesCredited").asInt()).isEqualTo(240);
        assertThat(capped.body().get("minutesNotCredited").asInt()).isEqualTo(240);
        assertThat(attend(third, orderId, "ATTENDED_COMPLIED", 480).body().get("minutesCredited").asInt()).isZero();

        Http.Response order = http.get("/api/orders/" + orderId, coordinator);
        assertThat(order.body().get("eteMinutesCredited").asInt()).isEqualTo(720);
        assertThat(order.body().get("creditedMinutes").asInt()).isEqualTo(720);
        assertThat(order.body().get("remainingMinutes").asInt()).isEqualTo(1680);
        List<TopicReader.Event> attended = topics.await(Topics.COMMUNITY_PAYBACK, about(crn, ATTENDED), 3);
        assertThat(attended).extracting(e -> e.data().get("minutesCredited").asInt()).containsExactly(480, 240, 0);
        assertThat(metrics.added("community_payback_minutes_credited_total", "area", area, "project_type", "INDIVIDUAL"))
                .isEqualTo(720.0);

        // a high-risk person is not placed on an individual placement (configuration keeps it off)
        String risky = order(Identifiers.crn(), 40, today, "HIGH");
        http.put("/api/orders/" + risky + "/assessment", coordinator, assessment(EVERY_DAY, "MEDIUM"));
        assertProblem(http.post("/api/orders/" + risky + "/placement", coordinator, Map.of("projectCode", college)),
                422, "projectCode");
        assertThat(http.get("/api/orders/" + risky, coordinator).field("status")).isEqualTo("AWAITING_PLACEMENT");
    }

    @Test
    void anOrderFinishedAfterTwelveMonthsIsFlaggedAsLate() {
        String crn = Identifiers.crn();
        LocalDate sentence = today.minusMonths(13);
        LocalDate completeBy = sentence.plusMonths(12);
        String project = project("GROUP", false, null);
        String orderId = placedOrder(crn, 40, sentence, project, "LOW");
        List<String> sessionsToday = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            sessionsToday.add(session(project, today, 1, 5));
        }
        String late = session(project, today, 1, 5);
        assertProblem(book(late, orderId), 422, "completeBy");

        Http.Response extended = http.post("/api/orders/" + orderId + "/extension", coordinator,
                Map.of("completeBy", completeBy.plusMonths(3).toString()));
        assertThat(extended.status()).isEqualTo(200);
        assertThat(extended.field("completeBy")).isEqualTo(completeBy.plusMonths(3).toString());
        for (String s : sessionsToday) {
            assertThat(book(s, orderId).status()).isEqualTo(201);
            assertThat(attend(s, orderId, "ATTENDED_COMPLIED", 480).status()).isEqualTo(201);
        }
        assertThat(book(late, orderId).status()).isEqualTo(201);
        assertThat(attend(late, orderId, "ATTENDED_COMPLIED", 480).field("orderStatus")).isEqualTo("COMPLETED");

        TopicReader.Event completed = topics.await(Topics.COMMUNITY_PAYBACK, about(crn, COMPLETED), 1).get(0);
        assertThat(completed.data().get("withinTwelveMonths").asBoolean()).isFalse();
        assertThat(completed.data().get("completedOn").asString()).isEqualTo(today.toString());
        assertThat(http.get("/api/orders/" + orderId, coordinator).body().get("withinTwelveMonths").asBoolean())
                .isFalse();
        assertThat(metrics.added("community_payback_orders_completed_total", "area", area, "outcome", "AFTER_12_MONTHS"))
                .isEqualTo(1.0);
        assertThat(metrics.counted("community_payback_orders_completed_total", "area", area, "outcome",
                "WITHIN_12_MONTHS")).isZero();
    }

    @Test
    void badInputIsRefusedNamingTheProblemAndNothingChanges() {
        String crn = Identifiers.crn();
        String project = project("GROUP", false, null);
        String orderId = order(crn, 40, today, "LOW");
        // the person can work only on the weekday it is today, so today's session can be booked and attended
        java.time.DayOfWeek workday = today.getDayOfWeek();
        http.put("/api/orders/" + orderId + "/assessment", coordinator, assessment(List.of(workday.name()),
                "NOT_ASSESSED"));
        http.post("/api/orders/" + orderId + "/placement", coordinator, Map.of("projectCode", project));
        String onWorkday = session(project, today, 1, 1);
        String onOtherDay = session(project, today.plusDays(1), 1, 1);
        String pastCompleteBy = session(project, today.plusMonths(12).plusWeeks(1), 1, 1);
        String unbooked = session(project, today.plusWeeks(1), 1, 1);

        assertProblem(http.post("/api/orders", coordinator, order(Identifiers.crn(), 39, today, "LOW", area)), 400,
                "requiredHours");
        assertProblem(http.post("/api/orders", coordinator, order(Identifiers.crn(), 301, today, "LOW", area)), 400,
                "requiredHours");
        assertProblem(book(onOtherDay, orderId), 422, "availableDays");
        assertProblem(book(pastCompleteBy, orderId), 422, "completeBy");
        assertThat(book(onWorkday, orderId).status()).isEqualTo(201);
        assertProblem(book(onWorkday, placedOrder(Identifiers.crn(), 40, project, "LOW")), 409, null);
        assertProblem(attend(onWorkday, orderId, "ATTENDED_COMPLIED", 481), 422, "minutesCredited");
        assertProblem(attend(onWorkday, orderId, "ACCEPTABLE_ABSENCE", 481), 422, "minutesCredited");
        assertProblem(attend(onWorkday, orderId, "ATTENDED_COMPLIED", -5), 400, "minutesCredited");
        assertProblem(attend(onWorkday, orderId, "HOME_EARLY", 60), 400, "outcome");
        assertProblem(attend(unbooked, orderId, "ATTENDED_COMPLIED", 60), 422, "orderId");
        assertProblem(http.post("/api/projects", coordinator, Map.of("code", "P" + area, "name", "Library",
                "areaCode", area, "type", "INDIVIDUAL", "ete", false)), 422, "partner");
        assertProblem(http.post("/api/projects/" + project + "/sessions", coordinator, Map.of("date",
                today.toString(), "startTime", "16:00", "endTime", "09:00", "supervisors", 1,
                "placesPerSupervisor", 5)), 422, "endTime");
        assertProblem(http.post("/api/projects/" + project + "/sessions", coordinator, Map.of("date",
                today.toString(), "startTime", "09:00", "endTime", "16:00", "supervisors", -1,
                "placesPerSupervisor", 5)), 400, "supervisors");
        assertProblem(http.put("/api/orders/" + orderId + "/assessment", coordinator,
                assessment(List.of(), "HIGH")), 400, "availableDays");
        assertProblem(http.get("/api/capacity?areaCode=" + area + "&from=" + today + "&to=" + today.minusDays(1),
                coordinator), 400, "to");

        Order unchanged = mongo.findById(orderId, Order.class);
        assertThat(unchanged.getCreditedMinutes()).isZero();
        assertThat(unchanged.getAttendances()).isEmpty();
        assertThat(unchanged.getAssessment().availableDays()).containsExactly(workday);
        assertThat(mongo.findById(onWorkday, Session.class).getBookings()).hasSize(1);
        assertThat(mongo.findById(onOtherDay, Session.class).getBookings()).isEmpty();
        assertThat(mongo.findById(pastCompleteBy, Session.class).getBookings()).isEmpty();

        Http.Response attended = attend(onWorkday, orderId, "ATTENDED_FAILED_TO_COMPLY", 120);
        assertThat(attended.status()).isEqualTo(201);
        assertThat(attended.body().get("enforceableFailures").asInt()).isEqualTo(1);
        assertProblem(attend(onWorkday, orderId, "ATTENDED_COMPLIED", 480), 409, null);
        Order once = mongo.findById(orderId, Order.class);
        assertThat(once.getCreditedMinutes()).isEqualTo(120);
        assertThat(once.getAttendances()).hasSize(1);
        assertThat(once.getEnforceableFailures()).isEqualTo(1);
        List<TopicReader.Event> events = topics.await(Topics.COMMUNITY_PAYBACK, about(crn, ATTENDED), 1);
        assertThat(events.get(0).data().get("outcome").asString()).isEqualTo("ATTENDED_FAILED_TO_COMPLY");
        // the marker: an order published after every refusal; by then anything refused would be on the topic too
        String marker = Identifiers.crn();
        order(marker, 40, today, "LOW");
        topics.await(Topics.COMMUNITY_PAYBACK, about(marker, RECEIVED), 1);
        assertThat(topics.all(Topics.COMMUNITY_PAYBACK).stream().filter(e -> crn.equals(e.key())))
                .extracting(e -> e.header("ce_type")).containsExactly(RECEIVED, PLACED, ATTENDED);
        assertThat(metrics.added("community_payback_enforceable_failures_total", "area", area, "outcome",
                "ATTENDED_FAILED_TO_COMPLY")).isEqualTo(1.0);
        assertThat(metrics.added("community_payback_assessments_total", "area", area, "outcome", "NOT_ASSESSED"))
                .isEqualTo(1.0);
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

    @Test
    void coordinatorsSeeEachOrdersBalanceWithWhatIsOverdueFirst() {
        String overdue = order(Identifiers.crn(), 120, today.minusMonths(13), "LOW");
        String recent = order(Identifiers.crn(), 60, today.minusDays(3), "LOW");
        String older = order(Identifiers.crn(), 80, today.minusMonths(2), "LOW");

        Http.Response all = http.get("/api/orders?areaCode=" + area, Tokens.forRole("OPS_VIEWER"));
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.body().get("total").asInt()).isEqualTo(3);
        assertThat(all.body().get("items").findValuesAsString("id")).containsExactly(overdue, older, recent);
        assertThat(all.body().get("items").get(1).get("remainingMinutes").asInt()).isEqualTo(4800);

        Http.Response late = http.get("/api/orders?areaCode=" + area + "&overdue=true", coordinator);
        assertThat(late.body().get("items").findValuesAsString("id")).containsExactly(overdue);
        Http.Response onTrack = http.get("/api/orders?areaCode=" + area + "&overdue=false&page=0&size=1",
                coordinator);
        assertThat(onTrack.body().get("total").asInt()).isEqualTo(2);
        assertThat(onTrack.body().get("items").findValuesAsString("id")).containsExactly(older);
        assertThat(http.get("/api/orders?areaCode=" + area + "&status=AWAITING_ASSESSMENT", coordinator).body()
                .get("total").asInt()).isEqualTo(3);
        assertProblem(http.get("/api/orders?areaCode=" + area + "&size=0", coordinator), 400, "size");
        assertThat(http.get("/api/orders", Tokens.forRole("PROVIDER")).status()).isEqualTo(403);
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

    Http.Response book(String session, String orderId) {
        return http.post("/api/sessions/" + session + "/bookings", coordinator, Map.of("orderId", orderId));
    }

    Http.Response attend(String session, String orderId, String outcome, int minutes) {
        return http.post("/api/sessions/" + session + "/attendance", coordinator,
                Map.of("orderId", orderId, "outcome", outcome, "minutesCredited", minutes));
    }
}
