package uk.probation.gate.communitypayback.area;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static uk.probation.gate.platform.test.Problems.assertProblem;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;
import uk.probation.gate.communitypayback.order.Order;
import uk.probation.gate.communitypayback.project.Project;
import uk.probation.gate.communitypayback.session.Session;
import uk.probation.gate.contracts.Topics;
import uk.probation.gate.platform.test.Http;
import uk.probation.gate.platform.test.RunningService;
import uk.probation.gate.platform.test.Identifiers;
import uk.probation.gate.platform.test.Tokens;

/**
 * Where people work: two coordinators and two supervisors in two areas. Each sees only its own area's orders,
 * projects and sessions; the other area's records are not found and stay unchanged; supervisors read rosters and
 * record attendance only; operations read figures without free-text notes. Run against the embedded broker and
 * Mongo wire server here and against real Kafka and MongoDB images where Docker exists.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMetrics
abstract class WorkingAreaScenarios extends RunningService {

    static final String RECEIVED = "community-payback.order.received";
    static final String PLACED = "community-payback.placement.assigned";
    static final String ATTENDED = "community-payback.session.attended";
    static final List<String> EVERY_DAY = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY",
            "SATURDAY", "SUNDAY");

    LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/London"));
    String areaA;
    String areaB;
    String coordinatorA;
    String coordinatorB;
    String supervisorA;
    String supervisorB;
    String opsViewer = Tokens.forRole("OPS_VIEWER");

    @BeforeEach
    void connect() {
        int n = ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        areaA = "WA" + n;
        areaB = "WB" + n;
        coordinatorA = Tokens.coordinatorIn("coordinator-a", areaA);
        coordinatorB = Tokens.coordinatorIn("coordinator-b", areaB);
        supervisorA = Tokens.forUser("supervisor-a", "SUPERVISOR",
                Map.of("areas", List.of(areaA), "name", "Sam Supervisor"));
        supervisorB = Tokens.supervisorIn("supervisor-b", areaB);
    }

    /** One area's work: a placed order booked on today's session of a group project. */
    record Work(String crn, String orderId, String project, String session) {
    }

    @Test
    void eachCoordinatorListsOnlyItsOwnAreaAndTheOtherAreaIsNotFound() {
        Work a = work(coordinatorA, areaA);
        Work b = work(coordinatorB, areaB);

        Http.Response ordersA = http.get("/api/orders", coordinatorA);
        assertThat(ids(ordersA)).containsExactly(a.orderId());
        assertThat(ordersA.body().get("total").asLong()).isEqualTo(1);
        assertThat(ids(http.get("/api/orders", coordinatorB))).containsExactly(b.orderId());
        assertThat(http.get("/api/orders?areaCode=" + areaB, coordinatorA).body().get("total").asLong()).isZero();
        assertThat(ids(http.get("/api/orders?crn=" + b.crn(), coordinatorA))).isEmpty();
        assertThat(ids(http.get("/api/orders?crn=" + b.crn(), opsViewer))).containsExactly(b.orderId());

        assertThat(codes(http.get("/api/projects", coordinatorA))).containsExactly(a.project());
        assertThat(codes(http.get("/api/projects", coordinatorB))).containsExactly(b.project());
        assertThat(codes(http.get("/api/projects?areaCode=" + areaA, coordinatorB))).isEmpty();
        assertThat(codes(http.get("/api/projects?areaCode=" + areaA, opsViewer))).containsExactly(a.project());

        assertThat(ids(http.get("/api/sessions", coordinatorA))).containsExactly(a.session());
        assertThat(ids(http.get("/api/sessions", coordinatorB))).containsExactly(b.session());
        assertThat(ids(http.get("/api/sessions?areaCode=" + areaB, coordinatorA))).isEmpty();
        assertThat(ids(http.get("/api/sessions?areaCode=" + areaB, opsViewer))).containsExactly(b.session());
        Http.Response capacity = http.get("/api/capacity?areaCode=" + areaB, coordinatorA);
        assertThat(capacity.status()).isEqualTo(200);
        assertThat(capacity.body().get("items")).isEmpty();
        assertThat(capacity.body().get("days")).isEmpty();
        assertThat(http.get("/api/capacity?areaCode=" + areaB, coordinatorB).body().get("items")).hasSize(1);

        assertNotFoundLikeUnknown(http.get("/api/orders/" + b.orderId(), coordinatorA),
                http.get("/api/orders/no-such-order", coordinatorA));
        assertNotFoundLikeUnknown(http.get("/api/projects/" + b.project(), coordinatorA),
                http.get("/api/projects/no-such-project", coordinatorA));
        assertNotFoundLikeUnknown(http.get("/api/sessions/" + b.session(), coordinatorA),
                http.get("/api/sessions/no-such-session", coordinatorA));
        assertThat(http.get("/api/orders/" + a.orderId(), coordinatorA).status()).isEqualTo(200);
        assertThat(http.get("/api/sessions/" + a.session(), coordinatorA).status()).isEqualTo(200);
    }

    @Test
    void everyChangeToAnotherAreasRecordIsNotFoundAndChangesNothing() {
        Work a = work(coordinatorA, areaA);
        Work b = work(coordinatorB, areaB);
        Order orderBefore = mongo.findById(b.orderId(), Order.class);
        Session sessionBefore = mongo.findById(b.session(), Session.class);
        long sessionsOfProjectB = mongo.count(Query.query(Criteria.where("projectCode").is(b.project())),
                Session.class);

        String order = "/api/orders/" + b.orderId();
        String session = "/api/sessions/" + b.session();
        List<Http.Response> refused = List.of(
                http.put(order + "/assessment", coordinatorA, assessment("changed notes")),
                http.post(order + "/placement", coordinatorA, Map.of("projectCode", a.project())),
                http.post(order + "/extension", coordinatorA, Map.of("completeBy", today.plusYears(2).toString())),
                http.post("/api/projects/" + b.project() + "/sessions", coordinatorA, sessionBody(today, 1)),
                http.put(session + "/supervisors", coordinatorA, Map.of("supervisors", 0)),
                http.post(session + "/bookings", coordinatorA, Map.of("orderId", a.orderId())),
                http.post(session + "/attendance", coordinatorA,
                        Map.of("orderId", b.orderId(), "outcome", "ATTENDED_COMPLIED", "minutesCredited", 60)),
                http.delete(session + "/bookings/" + b.orderId(), coordinatorA),
                http.post(session + "/stand-down", coordinatorA, Map.of("reason", "WEATHER")),
                http.post(session + "/attendance", supervisorA,
                        Map.of("orderId", b.orderId(), "outcome", "ATTENDED_COMPLIED", "minutesCredited", 60)));
        assertThat(refused).allSatisfy(r -> assertProblem(r, 404, null));
        // the other area's order on one's own session is treated like an unknown order
        assertProblem(http.post("/api/sessions/" + a.session() + "/bookings", coordinatorA,
                Map.of("orderId", b.orderId())), 422, "orderId");
        assertProblem(http.get("/api/projects?suitableFor=" + b.orderId(), coordinatorA), 422, "suitableFor");

        Order orderAfter = mongo.findById(b.orderId(), Order.class);
        assertThat(orderAfter.getVersion()).isEqualTo(orderBefore.getVersion());
        assertThat(orderAfter.getAssessment()).isEqualTo(orderBefore.getAssessment());
        assertThat(orderAfter.getCompleteBy()).isEqualTo(orderBefore.getCompleteBy());
        assertThat(orderAfter.getAttendances()).isEmpty();
        Session sessionAfter = mongo.findById(b.session(), Session.class);
        assertThat(sessionAfter.getVersion()).isEqualTo(sessionBefore.getVersion());
        assertThat(sessionAfter.getSupervisors()).isEqualTo(1);
        assertThat(sessionAfter.getStatus()).isEqualTo(sessionBefore.getStatus());
        assertThat(sessionAfter.getBookings()).extracting(x -> x.orderId()).containsExactly(b.orderId());
        assertThat(mongo.count(Query.query(Criteria.where("projectCode").is(b.project())), Session.class))
                .isEqualTo(sessionsOfProjectB);

        // a marker after the refusals: once coordinator B's attendance is on the topic, anything they had
        // published would be there too
        assertThat(http.post(session + "/attendance", coordinatorB,
                Map.of("orderId", b.orderId(), "outcome", "ATTENDED_COMPLIED", "minutesCredited", 60)).status())
                .isEqualTo(201);
        topics.await(Topics.COMMUNITY_PAYBACK, about(b.crn(), ATTENDED), 1);
        assertThat(topics.all(Topics.COMMUNITY_PAYBACK).stream().filter(e -> b.crn().equals(e.key()))
                .map(e -> e.header("ce_type"))).containsExactly(RECEIVED, PLACED, ATTENDED);
    }

    @Test
    void creatingAnOrderOrAProjectInAnotherAreaIsForbiddenNamingTheArea() {
        String crn = Identifiers.crn();
        Http.Response order = http.post("/api/orders", coordinatorA, orderBody(crn, 60, areaB, "MALE"));
        assertProblem(order, 403, "areaCode");
        assertThat(order.body().get("errors").get(0).get("message").asString()).isEqualTo("is not one of your areas");
        String code = "PRJ-" + areaB + "-X";
        assertProblem(http.post("/api/projects", coordinatorA, projectBody(code, areaB)), 403, "areaCode");
        // a coordinator of no area (a token without the claim) reaches nothing
        assertProblem(http.post("/api/orders", Tokens.forRole("PLACEMENT_COORDINATOR"),
                orderBody(crn, 60, areaA, "MALE")), 403, "areaCode");

        assertThat(mongo.count(Query.query(Criteria.where("crn").is(crn)), Order.class)).isZero();
        assertThat(mongo.findById(code, Project.class)).isNull();
        assertThat(http.post("/api/orders", coordinatorB, orderBody(crn, 60, areaB, "MALE")).status())
                .isEqualTo(201);
        topics.await(Topics.COMMUNITY_PAYBACK, about(crn, RECEIVED), 1);
        assertThat(topics.all(Topics.COMMUNITY_PAYBACK).stream().filter(e -> crn.equals(e.key()))).hasSize(1);
    }

    @Test
    void aSupervisorReadsItsSessionsRecordsAttendanceAndNothingElse() {
        Work a = work(coordinatorA, areaA);
        Work b = work(coordinatorB, areaB);

        Http.Response list = http.get("/api/sessions?from=" + today + "&to=" + today, supervisorA);
        assertThat(list.status()).isEqualTo(200);
        assertThat(ids(list)).containsExactly(a.session());
        JsonNode item = list.body().get("items").get(0);
        assertThat(item.get("projectCode").asString()).isEqualTo(a.project());
        assertThat(item.get("projectName").asString()).isEqualTo("Park paths");
        assertThat(item.get("projectType").asString()).isEqualTo("GROUP");
        assertThat(item.get("areaCode").asString()).isEqualTo(areaA);
        assertThat(item.get("startTime").asString()).isEqualTo("08:00:00");
        assertThat(item.get("capacity").asInt()).isEqualTo(3);
        assertThat(item.get("booked").asInt()).isEqualTo(1);
        assertThat(item.get("placesLeft").asInt()).isEqualTo(2);
        assertThat(item.get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(item.get("atRisk").asBoolean()).isFalse();
        assertThat(ids(http.get("/api/sessions", supervisorB))).containsExactly(b.session());

        JsonNode roster = http.get("/api/sessions/" + a.session(), supervisorA).body().get("roster");
        assertThat(roster).hasSize(1);
        assertThat(roster.get(0).get("orderId").asString()).isEqualTo(a.orderId());
        assertThat(roster.get(0).get("crn").asString()).isEqualTo(a.crn());
        assertThat(roster.get(0).get("remainingMinutes").asInt()).isEqualTo(2400);
        assertThat(roster.get(0).has("attendance")).isTrue();
        assertThat(roster.get(0).get("attendance").isNull()).isTrue();

        Http.Response recorded = http.post("/api/sessions/" + a.session() + "/attendance", supervisorA,
                Map.of("orderId", a.orderId(), "outcome", "ATTENDED_COMPLIED", "minutesCredited", 300));
        assertThat(recorded.status()).isEqualTo(201);
        assertThat(recorded.field("recordedBy")).isEqualTo("supervisor-a");
        assertThat(recorded.field("recordedByName")).isEqualTo("Sam Supervisor");
        JsonNode after = http.get("/api/sessions/" + a.session(), supervisorA).body().get("roster").get(0);
        assertThat(after.get("remainingMinutes").asInt()).isEqualTo(2100);
        assertThat(after.get("attendance").get("outcome").asString()).isEqualTo("ATTENDED_COMPLIED");
        assertThat(after.get("attendance").get("minutesCredited").asInt()).isEqualTo(300);
        assertThat(after.get("attendance").get("recordedBy").asString()).isEqualTo("supervisor-a");
        assertThat(after.get("attendance").get("recordedByName").asString()).isEqualTo("Sam Supervisor");
        assertThat(after.get("attendance").get("recordedAt").asString()).isNotBlank();
        assertThat(http.get("/api/orders/" + a.orderId(), coordinatorA).body().get("attendances").get(0)
                .get("recordedBy").asString()).isEqualTo("supervisor-a");
        topics.await(Topics.COMMUNITY_PAYBACK, about(a.crn(), ATTENDED), 1);

        assertProblem(http.get("/api/sessions/" + b.session(), supervisorA), 404, null);
        String session = "/api/sessions/" + a.session();
        List<Http.Response> forbidden = List.of(
                http.get("/api/orders", supervisorA),
                http.get("/api/orders/" + a.orderId(), supervisorA),
                http.post("/api/orders", supervisorA, orderBody(Identifiers.crn(), 60, areaA, "MALE")),
                http.put("/api/orders/" + a.orderId() + "/assessment", supervisorA, assessment("x")),
                http.get("/api/projects", supervisorA),
                http.get("/api/projects/" + a.project(), supervisorA),
                http.post("/api/projects", supervisorA, projectBody("PRJ-" + areaA + "-S", areaA)),
                http.post("/api/projects/" + a.project() + "/sessions", supervisorA, sessionBody(today, 1)),
                http.post(session + "/bookings", supervisorA, Map.of("orderId", a.orderId())),
                http.delete(session + "/bookings/" + a.orderId(), supervisorA),
                http.put(session + "/supervisors", supervisorA, Map.of("supervisors", 2)),
                http.post(session + "/stand-down", supervisorA, Map.of("reason", "WEATHER")),
                http.get("/api/capacity?areaCode=" + areaA, supervisorA),
                http.get("/api/outcomes/unpaid-work?groupBy=area", supervisorA));
        assertThat(forbidden).allSatisfy(r -> assertProblem(r, 403, null));
        Session stored = mongo.findById(a.session(), Session.class);
        assertThat(stored.getStatus().name()).isEqualTo("SCHEDULED");
        assertThat(stored.getSupervisors()).isEqualTo(1);
        assertThat(stored.getBookings()).hasSize(1);
    }

    @Test
    void sessionsListInDateThenTimeOrderAndRefuseDatesTheWrongWayRound() {
        String project = project(coordinatorA, areaA);
        String later = session(coordinatorA, project, today.plusDays(1), "13:00", "17:00", 1);
        String earlier = session(coordinatorA, project, today.plusDays(1), "08:00", "12:00", 1);
        String first = session(coordinatorA, project, today, "18:00", "20:00", 0);

        assertThat(ids(http.get("/api/sessions", coordinatorA))).containsExactly(first);
        Http.Response two = http.get("/api/sessions?from=" + today + "&to=" + today.plusDays(1) + "&projectCode="
                + project, opsViewer);
        assertThat(ids(two)).containsExactly(first, earlier, later);
        assertThat(two.body().get("total").asLong()).isEqualTo(3);
        assertThat(two.body().get("items").get(0).get("atRisk").asBoolean()).isTrue();
        assertThat(two.body().get("items").get(0).get("risks").get(0).asString()).isEqualTo("NO_SUPERVISOR");
        Http.Response paged = http.get("/api/sessions?from=" + today + "&to=" + today.plusDays(1)
                + "&page=1&size=2", coordinatorA);
        assertThat(ids(paged)).containsExactly(later);
        assertThat(paged.body().get("page").asInt()).isEqualTo(1);
        assertThat(paged.body().get("size").asInt()).isEqualTo(2);
        assertThat(http.get("/api/sessions?from=" + today.plusDays(1), coordinatorA).body().get("total").asLong())
                .isEqualTo(2);

        assertProblem(http.get("/api/sessions?from=" + today.plusDays(1) + "&to=" + today, coordinatorA), 422,
                "to");
        assertThat(http.get("/api/sessions", Tokens.forRole("PROVIDER")).status()).isEqualTo(403);
        assertThat(http.get("/api/sessions", null).status()).isEqualTo(401);
    }

    @Test
    void opsViewerReadsTheOrderWithoutItsFreeTextNotes() {
        Work a = work(coordinatorA, areaA);

        JsonNode forCoordinator = http.get("/api/orders/" + a.orderId(), coordinatorA).body().get("assessment");
        assertThat(forCoordinator.get("healthAndSafetyNotes").asString()).isEqualTo("no ladders");
        assertThat(forCoordinator.get("childcareConstraints").asString()).isEqualTo("school run at 15:00");

        Http.Response read = http.get("/api/orders/" + a.orderId(), opsViewer);
        assertThat(read.status()).isEqualTo(200);
        JsonNode assessment = read.body().get("assessment");
        assertThat(assessment.path("healthAndSafetyNotes").isMissingNode()
                || assessment.get("healthAndSafetyNotes").isNull()).isTrue();
        assertThat(assessment.path("childcareConstraints").isMissingNode()
                || assessment.get("childcareConstraints").isNull()).isTrue();
        assertThat(assessment.path("shiftPattern").isMissingNode() || assessment.get("shiftPattern").isNull())
                .isTrue();
        assertThat(assessment.get("motivationToComply").asString()).isEqualTo("HIGH");
        assertThat(assessment.get("availableDays")).hasSize(7);
        Http.Response listed = http.get("/api/orders?crn=" + a.crn().toLowerCase(), opsViewer);
        assertThat(ids(listed)).containsExactly(a.orderId());
        assertThat(listed.body().toString()).doesNotContain("no ladders").doesNotContain("school run");
        JsonNode item = listed.body().get("items").get(0);
        assertThat(item.get("requiredMinutes").asInt()).isEqualTo(2400);
        assertThat(item.get("remainingMinutes").asInt()).isEqualTo(2400);
        assertThat(item.get("status").asString()).isEqualTo("PLACED");
        assertThat(item.get("areaCode").asString()).isEqualTo(areaA);
        assertThat(ids(http.get("/api/orders?status=PLACED&crn=" + a.crn(), coordinatorA)))
                .containsExactly(a.orderId());
        assertThat(ids(http.get("/api/orders?status=COMPLETED&crn=" + a.crn(), coordinatorA))).isEmpty();
    }

    @Test
    void projectsSuitableForAnOrderFollowThePlacementRules() {
        String group = project(coordinatorA, areaA);
        Map<String, Object> individual = new HashMap<>(projectBody("PRJ-" + areaA + "-IND", areaA));
        individual.put("type", "INDIVIDUAL");
        individual.put("partner", "Charity shop");
        assertThat(http.post("/api/projects", coordinatorA, individual).status()).isEqualTo(201);

        String risky = order(coordinatorA, Identifiers.crn(), 40, areaA, "MALE", "HIGH");
        assertThat(codes(http.get("/api/projects?suitableFor=" + risky, coordinatorA))).isEmpty();
        assertThat(http.put("/api/orders/" + risky + "/assessment", coordinatorA, assessment("none")).status())
                .isEqualTo(200);
        assertThat(codes(http.get("/api/projects?suitableFor=" + risky, coordinatorA))).containsExactly(group);
        String low = order(coordinatorA, Identifiers.crn(), 40, areaA, "MALE", "LOW");
        http.put("/api/orders/" + low + "/assessment", coordinatorA, assessment("none"));
        assertThat(codes(http.get("/api/projects?areaCode=" + areaA + "&suitableFor=" + low, coordinatorA)))
                .containsExactlyInAnyOrder(group, "PRJ-" + areaA + "-IND");
    }

    @Test
    void outcomeFiguresEqualWhatWasRecordedAndNameNoOne() {
        String area = "WO" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        String coordinator = Tokens.coordinatorIn("coordinator-o", area);
        String project = project(coordinator, area);
        // a man works his 40 hours in five sessions and completes within 12 months
        String manCrn = Identifiers.crn();
        String man = placedOrder(coordinator, manCrn, area, "MALE", project);
        // attendance is recorded on or after a session's day: the sessions worked are today's
        for (int i = 1; i <= 5; i++) {
            String s = session(coordinator, project, today, "08:00", "16:00", 1);
            assertThat(book(coordinator, s, man).status()).isEqualTo(201);
            assertThat(attend(coordinator, s, man, "ATTENDED_COMPLIED", 480).status()).isEqualTo(201);
        }
        // a woman is sent home once for a service issue and once by a stand-down
        String womanCrn = Identifiers.crn();
        String woman = placedOrder(coordinator, womanCrn, area, "FEMALE", project);
        String issue = session(coordinator, project, today, "08:00", "16:00", 1);
        book(coordinator, issue, woman);
        assertThat(attend(coordinator, issue, woman, "SENT_HOME_SERVICE_ISSUE", 60).status()).isEqualTo(201);
        String stood = session(coordinator, project, today.plusDays(7), "08:00", "16:00", 1);
        book(coordinator, stood, woman);
        assertThat(http.post("/api/sessions/" + stood + "/stand-down", coordinator, Map.of("reason", "NO_SUPERVISOR"))
                .status()).isEqualTo(200);
        // booked and not yet attended
        String waiting = session(coordinator, project, today.plusDays(8), "08:00", "16:00", 1);
        book(coordinator, waiting, woman);

        Http.Response byArea = http.get("/api/outcomes/unpaid-work?groupBy=area", opsViewer);
        assertThat(byArea.status()).isEqualTo(200);
        JsonNode figures = find(byArea, area, null);
        assertThat(figures.get("orders").asLong()).isEqualTo(2);
        assertThat(figures.get("completed").asLong()).isEqualTo(1);
        assertThat(figures.get("completedWithin12Months").asLong()).isEqualTo(1);
        assertThat(figures.get("positiveCompletionShare").asDouble()).isEqualTo(1.0);
        assertThat(figures.get("targetShare").asDouble()).isEqualTo(0.90);
        assertThat(figures.get("sessionsBooked").asLong()).isEqualTo(8);
        assertThat(figures.get("sentHomeServiceIssue").asLong()).isEqualTo(2);
        assertThat(figures.get("sentHomeShare").asDouble()).isCloseTo(2.0 / 8, within(1e-9));
        assertThat(byArea.body().toString()).doesNotContain(manCrn).doesNotContain(womanCrn).doesNotContain(man)
                .doesNotContain(woman);

        Http.Response both = http.get("/api/outcomes/unpaid-work?groupBy=area,sex", Tokens.forRole("ADMIN"));
        JsonNode men = find(both, area, "MALE");
        assertThat(men.get("orders").asLong()).isEqualTo(1);
        assertThat(men.get("completedWithin12Months").asLong()).isEqualTo(1);
        assertThat(men.get("sessionsBooked").asLong()).isEqualTo(5);
        assertThat(men.get("sentHomeServiceIssue").asLong()).isZero();
        assertThat(men.get("sentHomeShare").asDouble()).isZero();
        JsonNode women = find(both, area, "FEMALE");
        assertThat(women.get("orders").asLong()).isEqualTo(1);
        assertThat(women.get("completed").asLong()).isZero();
        assertThat(women.path("positiveCompletionShare").isMissingNode()
                || women.get("positiveCompletionShare").isNull()).isTrue();
        assertThat(women.get("sessionsBooked").asLong()).isEqualTo(3);
        assertThat(women.get("sentHomeServiceIssue").asLong()).isEqualTo(2);

        // by sex is national: each sex's figures are the sum over the areas
        Http.Response bySex = http.get("/api/outcomes/unpaid-work?groupBy=sex", opsViewer);
        Http.Response allBoth = http.get("/api/outcomes/unpaid-work?groupBy=area,sex", opsViewer);
        for (String sex : List.of("MALE", "FEMALE")) {
            long orders = 0;
            for (JsonNode i : allBoth.body().get("items")) {
                if (sex.equals(i.path("sex").asString(""))) {
                    orders += i.get("orders").asLong();
                }
            }
            assertThat(find(bySex, null, sex).get("orders").asLong()).isEqualTo(orders);
        }

        assertProblem(http.get("/api/outcomes/unpaid-work?groupBy=prison", opsViewer), 400, "groupBy");
        assertThat(http.get("/api/outcomes/unpaid-work?groupBy=area", coordinator).status()).isEqualTo(403);
    }

    // --- helpers

    Work work(String coordinator, String area) {
        String project = project(coordinator, area);
        String crn = Identifiers.crn();
        String orderId = placedOrder(coordinator, crn, area, "FEMALE", project);
        String session = session(coordinator, project, today, "08:00", "16:00", 1);
        assertThat(book(coordinator, session, orderId).status()).isEqualTo(201);
        return new Work(crn, orderId, project, session);
    }

    String placedOrder(String coordinator, String crn, String area, String sex, String project) {
        String orderId = order(coordinator, crn, 40, area, sex, "LOW");
        assertThat(http.put("/api/orders/" + orderId + "/assessment", coordinator, assessment("no ladders"))
                .status()).isEqualTo(200);
        assertThat(http.post("/api/orders/" + orderId + "/placement", coordinator, Map.of("projectCode", project))
                .status()).isEqualTo(200);
        return orderId;
    }

    String order(String coordinator, String crn, int hours, String area, String sex, String risk) {
        Map<String, Object> body = new HashMap<>(orderBody(crn, hours, area, sex));
        body.put("riskOfSeriousHarm", risk);
        Http.Response created = http.post("/api/orders", coordinator, body);
        assertThat(created.status()).isEqualTo(201);
        return created.field("id");
    }

    static Map<String, Object> orderBody(String crn, int hours, String area, String sex) {
        return Map.of("crn", crn, "sentenceDate", LocalDate.now().toString(), "requiredHours", hours, "areaCode",
                area, "sex", sex, "riskOfSeriousHarm", "LOW", "responsibleOfficerCode", "N53RO7");
    }

    static Map<String, Object> assessment(String healthAndSafetyNotes) {
        Map<String, Object> a = new HashMap<>();
        a.put("availableDays", EVERY_DAY);
        a.put("childcareConstraints", "school run at 15:00");
        a.put("shiftPattern", "nights at weekends");
        a.put("healthAndSafetyNotes", healthAndSafetyNotes);
        a.put("riskOfHarmConsidered", true);
        a.put("motivationToComply", "HIGH");
        a.put("intensive", false);
        return a;
    }

    String project(String coordinator, String area) {
        String code = "PRJ-" + area + "-" + ThreadLocalRandom.current().nextInt(1000, 10000);
        Http.Response created = http.post("/api/projects", coordinator, projectBody(code, area));
        assertThat(created.status()).isEqualTo(201);
        return code;
    }

    static Map<String, Object> projectBody(String code, String area) {
        return Map.of("code", code, "name", "Park paths", "areaCode", area, "type", "GROUP", "ete", false);
    }

    static Map<String, Object> sessionBody(LocalDate date, int supervisors) {
        return Map.of("date", date.toString(), "startTime", "08:00", "endTime", "16:00", "supervisors", supervisors,
                "placesPerSupervisor", 3);
    }

    String session(String coordinator, String project, LocalDate date, String start, String end, int supervisors) {
        Http.Response created = http.post("/api/projects/" + project + "/sessions", coordinator,
                Map.of("date", date.toString(), "startTime", start, "endTime", end, "supervisors", supervisors,
                        "placesPerSupervisor", 3));
        assertThat(created.status()).isEqualTo(201);
        return created.field("id");
    }

    Http.Response book(String coordinator, String session, String orderId) {
        return http.post("/api/sessions/" + session + "/bookings", coordinator, Map.of("orderId", orderId));
    }

    Http.Response attend(String token, String session, String orderId, String outcome, int minutes) {
        return http.post("/api/sessions/" + session + "/attendance", token,
                Map.of("orderId", orderId, "outcome", outcome, "minutesCredited", minutes));
    }

    static void assertNotFoundLikeUnknown(Http.Response elsewhere, Http.Response unknown) {
        assertProblem(elsewhere, 404, null);
        assertProblem(unknown, 404, null);
        assertThat(elsewhere.field("title")).isEqualTo(unknown.field("title"));
        assertThat(elsewhere.body().has("errors")).isEqualTo(unknown.body().has("errors"));
        assertThat(elsewhere.body().get("detail").asString().replaceAll("\\S+ was not found", "X was not found"))
                .isEqualTo(unknown.body().get("detail").asString().replaceAll("\\S+ was not found", "X was not found"));
    }

    static List<String> ids(Http.Response list) {
        assertThat(list.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        list.body().get("items").forEach(i -> ids.add(i.get("id").asString()));
        return ids;
    }

    static List<String> codes(Http.Response list) {
        assertThat(list.status()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        list.body().get("items").forEach(i -> codes.add(i.get("code").asString()));
        return codes;
    }

    static JsonNode find(Http.Response outcomes, String area, String sex) {
        assertThat(outcomes.status()).isEqualTo(200);
        for (JsonNode i : outcomes.body().get("items")) {
            if ((area == null || area.equals(i.path("areaCode").asString(""))) && (sex == null || sex.equals(
                    i.path("sex").asString("")))) {
                return i;
            }
        }
        throw new AssertionError("no figures for " + area + " " + sex + " in " + outcomes.body());
    }
}
