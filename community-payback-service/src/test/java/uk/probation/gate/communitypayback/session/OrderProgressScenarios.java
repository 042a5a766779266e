package uk.probation.gate.communitypayback.session;

import static uk.probation.gate.platform.test.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import uk.probation.gate.platform.test.Identifiers;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.probation.gate.communitypayback.order.Order;
import uk.probation.gate.contracts.Topics;
import uk.probation.gate.platform.test.Http;
import uk.probation.gate.platform.test.Tokens;
import uk.probation.gate.platform.test.TopicReader;

/**
 * An order from receipt to completion: worked through the API and the topic, education and training capped, late
 * completion flagged, each order's balance with what is overdue first, bad input refused naming the problem.
 */
abstract class OrderProgressScenarios extends UnpaidWorkScenarioSupport {

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
}
