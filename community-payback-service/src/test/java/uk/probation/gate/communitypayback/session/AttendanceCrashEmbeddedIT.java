package uk.probation.gate.communitypayback.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import uk.probation.gate.communitypayback.CommunityPaybackApplication;
import uk.probation.gate.communitypayback.order.Order;
import uk.probation.gate.platform.lease.JobLease;
import uk.probation.gate.contracts.Topics;
import uk.probation.gate.platform.audit.AuditTrail;
import uk.probation.gate.platform.outbox.AggregateDocument;
import uk.probation.gate.platform.outbox.AggregateStore;
import uk.probation.gate.platform.outbox.OutboxRelay;
import uk.probation.gate.platform.test.OnEmbeddedInfrastructure;
import uk.probation.gate.platform.test.Prometheus;
import uk.probation.gate.platform.test.RunningService;
import uk.probation.gate.platform.test.Http;
import uk.probation.gate.platform.test.Identifiers;
import uk.probation.gate.platform.test.Tokens;
import uk.probation.gate.platform.test.TopicReader;

/**
 * Recording attendance writes two documents, the session and the order, and the process can die between them
 * (ADR 0008). Here the store "crashes" — throws, as a killed process would never return — on a chosen write of the
 * attendance request, on the embedded broker and Mongo wire server. Whatever is left behind, the person's booking
 * cannot be stood down (no work sent home for someone who worked), and recovery credits the order exactly once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "community-payback.attendance-recovery.interval=PT1S", "community-payback.attendance-recovery.after=PT2S"})
@AutoConfigureMetrics
@Import(AttendanceCrashEmbeddedIT.Crashes.class)
@OnEmbeddedInfrastructure(database = "community-payback-crash-it")
class AttendanceCrashEmbeddedIT extends RunningService {

    static final String RECEIVED = "community-payback.order.received";
    static final String PLACED = "community-payback.placement.assigned";
    static final String ATTENDED = "community-payback.session.attended";
    static final String SENT_HOME = "community-payback.work.sent-home";

    /** The write the process dies at: the n-th aggregate save from the moment it is armed, once. */
    static final class CrashingStore extends AggregateStore {

        private final AtomicInteger countdown = new AtomicInteger();

        CrashingStore(MongoTemplate mongo, OutboxRelay relay, AuditTrail audit) {
            super(mongo, relay, audit);
        }

        void crashAtWrite(int n) {
            countdown.set(n);
        }

        @Override
        public <T extends AggregateDocument> T save(T aggregate) {
            if (countdown.get() > 0 && countdown.decrementAndGet() == 0) {
                throw new IllegalStateException("simulated crash before writing " + aggregate.getClass().getSimpleName()
                        + " " + aggregate.getId());
            }
            return super.save(aggregate);
        }
    }

    @TestConfiguration
    static class Crashes {
        @Bean
        @Primary
        CrashingStore crashingStore(MongoTemplate mongo, OutboxRelay relay, AuditTrail audit) {
            return new CrashingStore(mongo, relay, audit);
        }
    }

    @Autowired
    CrashingStore store;

    @Autowired
    Sessions sessions;

    @Autowired
    AttendanceRecovery recovery;

    @Autowired
    MeterRegistry meters;

    String area;
    String coordinator;
    String supervisor;
    // the series as scraped before the test: the test's area is not a reference code, so it counts as "other"
    Prometheus metrics;
    LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));

    @BeforeEach
    void connect() {
        area = "CR" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        coordinator = Tokens.coordinatorIn("coordinator-" + area.toLowerCase(), area);
        supervisor = Tokens.supervisorIn("supervisor-" + area.toLowerCase(), area);
        metrics = Prometheus.since(this::scrape, UnpaidWorkScenarioSupport.AREA_LABEL);
    }

    @Test
    void aCrashBetweenTheTwoWritesNeitherSendsTheWorkerHomeNorLosesOrDoublesTheCredit() {
        String project = project();
        String session = session(project);
        String workerCrn = Identifiers.crn();
        String worker = placedOrder(workerCrn, project);
        String absentCrn = Identifiers.crn();
        String absent = placedOrder(absentCrn, project);
        assertThat(book(session, worker).status()).isEqualTo(201);
        assertThat(book(session, absent).status()).isEqualTo(201);

        // the supervisor records five hours worked; the process dies at the request's second write
        store.crashAtWrite(2);
        assertThat(attend(session, worker, 300).status()).isEqualTo(500);

        // the coordinator then stands the session down: only the person with no outcome is sent home
        Http.Response stoodDown = http.post("/api/sessions/" + session + "/stand-down", coordinator,
                Map.of("reason", "NO_SUPERVISOR"));
        assertThat(stoodDown.status()).isEqualTo(200);
        assertThat(stoodDown.body().get("sentHome").asInt()).isEqualTo(1);
        assertThat(stoodDown.body().get("orderIds")).hasSize(1);
        assertThat(stoodDown.body().get("orderIds").get(0).asString()).isEqualTo(absent);
        // a cancellation cannot free the place either
        assertThat(http.delete("/api/sessions/" + session + "/bookings/" + worker, coordinator).status())
                .isEqualTo(409);

        // recovery, on its schedule, credits the five hours once and clears the claim
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Order credited = mongo.findById(worker, Order.class);
            assertThat(credited.getCreditedMinutes()).isEqualTo(300);
            assertThat(mongo.findById(session, Session.class).pendingCredits()).isEmpty();
        });
        Order credited = mongo.findById(worker, Order.class);
        assertThat(credited.getAttendances()).hasSize(1);
        assertThat(credited.getAttendances().get(0).recordedBy()).isEqualTo("supervisor-" + area.toLowerCase());
        assertThat(sessions.creditPending(Instant.now().plus(Duration.ofHours(1)))).isZero();
        // the same attendance again (a retry whose answer was lost) answers as recorded and credits nothing more
        assertThat(attend(session, worker, 300).status()).isEqualTo(201);
        Http.Response order = http.get("/api/orders/" + worker, coordinator);
        assertThat(order.body().get("creditedMinutes").asInt()).isEqualTo(300);
        assertThat(order.body().get("attendances")).hasSize(1);
        Http.Response roster = http.get("/api/sessions/" + session, supervisor);
        assertThat(roster.body().get("roster")).hasSize(1);
        assertThat(roster.body().get("roster").get(0).get("attendance").get("minutesCredited").asInt())
                .isEqualTo(300);

        // on the topic: the absent person sent home, the worker attended once and never sent home
        topics.await(Topics.COMMUNITY_PAYBACK, about(absentCrn, SENT_HOME), 1);
        topics.await(Topics.COMMUNITY_PAYBACK, about(workerCrn, ATTENDED), 1);
        String marker = Identifiers.crn();
        order(marker);
        topics.await(Topics.COMMUNITY_PAYBACK, about(marker, RECEIVED), 1);
        assertThat(topics.all(Topics.COMMUNITY_PAYBACK).stream().filter(e -> workerCrn.equals(e.key())))
                .extracting(e -> e.header("ce_type")).containsExactly(RECEIVED, PLACED, ATTENDED);
        assertThat(metrics.added("community_payback_minutes_credited_total", "area", area)).isEqualTo(300.0);
        assertThat(metrics.added("community_payback_attendance_recovered_total")).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void aCrashAfterTheOrderIsCreditedIsSettledWithoutCreditingItAgain() {
        String project = project();
        String session = session(project);
        String crn = Identifiers.crn();
        String orderId = placedOrder(crn, project);
        assertThat(book(session, orderId).status()).isEqualTo(201);

        // the third write (clearing the claim) never happens: the order has the credit, the booking still the claim
        store.crashAtWrite(3);
        assertThat(attend(session, orderId, 420).status()).isEqualTo(500);
        assertThat(mongo.findById(orderId, Order.class).getCreditedMinutes()).isEqualTo(420);
        assertThat(mongo.findById(session, Session.class).pendingCredits()).hasSize(1);
        // the session is marked, so the recovery job finds it by its index rather than by reading every session
        assertThat(mongo.findById(session, org.bson.Document.class, "sessions").get("pendingCredit")).isEqualTo(true);
        // the claim is internal: the API shows the outcome only
        tools.jackson.databind.JsonNode booking = http.get("/api/sessions/" + session, coordinator).body()
                .get("bookings").get(0);
        assertThat(booking.get("outcome").asString()).isEqualTo("ATTENDED_COMPLIED");
        assertThat(booking.has("pending")).isFalse();
        assertThat(http.post("/api/sessions/" + session + "/stand-down", coordinator, Map.of("reason", "WEATHER"))
                .body().get("sentHome").asInt()).isZero();
        // the same attendance again finishes the claim the crash left, once (the recovery job may get there first)
        assertThat(attend(session, orderId, 420).status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(mongo.findById(session, Session.class).pendingCredits()).isEmpty());
        assertThat(mongo.findById(session, org.bson.Document.class, "sessions")).doesNotContainKey("pendingCredit");
        Order once = mongo.findById(orderId, Order.class);
        assertThat(once.getCreditedMinutes()).isEqualTo(420);
        assertThat(once.getAttendances()).hasSize(1);
        topics.await(Topics.COMMUNITY_PAYBACK, about(crn, ATTENDED), 1);
        String marker = Identifiers.crn();
        order(marker);
        topics.await(Topics.COMMUNITY_PAYBACK, about(marker, RECEIVED), 1);
        assertThat(topics.all(Topics.COMMUNITY_PAYBACK).stream().filter(e -> crn.equals(e.key())))
                .extracting(e -> e.header("ce_type")).containsExactly(RECEIVED, PLACED, ATTENDED);
    }

    /**
     * Two instances (issue 13): attendance recovery runs on one at a time (a JobLease). While another holder has the
     * lease neither instance settles anything; once it is free, recovery triggered on both at once credits each
     * claim once, publishes it once and counts it once across the two instances.
     */
    @Test
    void recoveryOnTwoInstancesAtOnceSettlesEachClaimOnceAndCountsItOnce() throws Exception {
        String project = project();
        String session = session(project);
        List<String> crns = new java.util.ArrayList<>();
        List<String> orderIds = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            crns.add(Identifiers.crn());
            orderIds.add(placedOrder(crns.get(i), project));
            assertThat(book(session, orderIds.get(i)).status()).isEqualTo(201);
        }
        // a third holder (an instance in the middle of a run) has the lease before any claim is left pending
        JobLease elsewhere = new JobLease(mongo, java.time.Clock.systemUTC());
        // (the instance's own schedule may hold it for a moment)
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> elsewhere.tryAcquire(AttendanceRecovery.LEASE, Duration.ofMinutes(5)));
        try {
            for (String orderId : orderIds) {
                store.crashAtWrite(2);
                assertThat(attend(session, orderId, 120).status()).isEqualTo(500);
            }
        } catch (AssertionError | RuntimeException e) {
            elsewhere.release(AttendanceRecovery.LEASE);
            throw e;
        }
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(CommunityPaybackApplication.class)
                .run(sameInfrastructure())) {
            AttendanceRecovery other = second.getBean(AttendanceRecovery.class);
            MeterRegistry otherMeters = second.getBean(MeterRegistry.class);
            double before = recovered(meters) + recovered(otherMeters);
            // the claims are older than `after` (2 s) by now and this instance's schedule (1 s) ran meanwhile
            Thread.sleep(2200);
            assertThat(recovery.runOnce()).isEqualTo(-1);
            assertThat(other.runOnce()).isEqualTo(-1);
            assertThat(mongo.findById(session, Session.class).pendingCredits()).hasSize(3);
            elsewhere.release(AttendanceRecovery.LEASE);

            CompletableFuture<Integer> onThis = CompletableFuture.supplyAsync(recovery::runOnce);
            CompletableFuture<Integer> onOther = CompletableFuture.supplyAsync(other::runOnce);
            assertThat(Math.max(0, onThis.get()) + Math.max(0, onOther.get())).isLessThanOrEqualTo(3);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(mongo.findById(session, Session.class).pendingCredits()).isEmpty());
            for (String orderId : orderIds) {
                Order once = mongo.findById(orderId, Order.class);
                assertThat(once.getCreditedMinutes()).isEqualTo(120);
                assertThat(once.getAttendances()).hasSize(1);
            }
            assertThat(recovered(meters) + recovered(otherMeters) - before).isEqualTo(3.0);
        } finally {
            elsewhere.release(AttendanceRecovery.LEASE);
        }
        for (String crn : crns) {
            topics.await(Topics.COMMUNITY_PAYBACK, about(crn, ATTENDED), 1);
        }
        String marker = Identifiers.crn();
        order(marker);
        topics.await(Topics.COMMUNITY_PAYBACK, about(marker, RECEIVED), 1);
        List<TopicReader.Event> all = topics.all(Topics.COMMUNITY_PAYBACK);
        for (String crn : crns) {
            assertThat(all.stream().filter(about(crn, ATTENDED))).hasSize(1);
        }
    }

    // --- helpers

    static double recovered(MeterRegistry registry) {
        io.micrometer.core.instrument.Counter counter = registry.find("community_payback.attendance.recovered")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    /** The same service a second time on the same broker and store; its own recovery runs only when called. */
    String[] sameInfrastructure() {
        return anotherInstance(List.of("community-payback.attendance-recovery.interval=PT1H",
                "community-payback.attendance-recovery.after=PT2S"));
    }

    String project() {
        String code = "PRJ-" + area + "-" + ThreadLocalRandom.current().nextInt(1000, 10000);
        assertThat(http.post("/api/projects", coordinator, Map.of("code", code, "name", "Park paths", "areaCode", area,
                "type", "GROUP", "ete", false)).status()).isEqualTo(201);
        return code;
    }

    String session(String project) {
        Http.Response created = http.post("/api/projects/" + project + "/sessions", coordinator, Map.of("date",
                today.toString(), "startTime", "08:00", "endTime", "16:00", "supervisors", 1,
                "placesPerSupervisor", 5));
        assertThat(created.status()).isEqualTo(201);
        return created.field("id");
    }

    String order(String crn) {
        Http.Response created = http.post("/api/orders", coordinator, Map.of("crn", crn, "sentenceDate",
                today.toString(), "requiredHours", 40, "areaCode", area, "sex", "MALE", "riskOfSeriousHarm", "LOW",
                "responsibleOfficerCode", "N53RO7"));
        assertThat(created.status()).isEqualTo(201);
        return created.field("id");
    }

    String placedOrder(String crn, String project) {
        String orderId = order(crn);
        Map<String, Object> assessment = new HashMap<>();
        assessment.put("availableDays", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY",
                "SUNDAY"));
        assessment.put("riskOfHarmConsidered", true);
        assessment.put("motivationToComply", "HIGH");
        assertThat(http.put("/api/orders/" + orderId + "/assessment", coordinator, assessment).status())
                .isEqualTo(200);
        assertThat(http.post("/api/orders/" + orderId + "/placement", coordinator, Map.of("projectCode", project))
                .status()).isEqualTo(200);
        return orderId;
    }

    Http.Response book(String session, String orderId) {
        return http.post("/api/sessions/" + session + "/bookings", coordinator, Map.of("orderId", orderId));
    }

    Http.Response attend(String session, String orderId, int minutes) {
        return http.post("/api/sessions/" + session + "/attendance", supervisor,
                Map.of("orderId", orderId, "outcome", "ATTENDED_COMPLIED", "minutesCredited", minutes));
    }
}
