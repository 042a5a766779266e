package uk.probation.gate.communitypayback.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.probation.gate.communitypayback.domain.AttendanceOutcome;
import uk.probation.gate.communitypayback.domain.Credit;
import uk.probation.gate.communitypayback.domain.ProjectType;
import uk.probation.gate.contracts.reference.RiskOfSeriousHarm;
import uk.probation.gate.contracts.reference.Sex;
import uk.probation.gate.contracts.EventType;
import uk.probation.gate.platform.outbox.Events;
import uk.probation.gate.platform.outbox.OutboxEvent;

/** The order raises its own events (ADR 0016): each change registers its event in the order's outbox. No Spring. */
class OrderAggregateTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");
    private static final LocalDate SENTENCED = LocalDate.parse("2026-11-02");
    private static final WorkedSession SESSION = new WorkedSession("session-1", LocalDate.parse("2026-11-21"),
            "PRJ01", ProjectType.GROUP, false, "N01", 420);

    private final JsonMapper json = JsonMapper.builder().build();
    private final Events events = new Events(json, Clock.fixed(NOW, ZoneOffset.UTC));

    private Order received(int requiredMinutes) {
        return new Order("order-1", new NewOrder("X123456", SENTENCED, requiredMinutes / 60, "N01", Sex.FEMALE,
                RiskOfSeriousHarm.LOW, "N01RO1"), requiredMinutes, 0, SENTENCED.plusMonths(12), NOW, events);
    }

    @Test
    void receivingTheOrderRegistersItKeyedByTheCrn() {
        Order o = received(600);

        assertThat(o.getOutbox()).hasSize(1);
        OutboxEvent event = o.getOutbox().get(0);
        assertThat(event.type()).isEqualTo(EventType.COMMUNITY_PAYBACK_ORDER_RECEIVED.type());
        assertThat(event.dataschema()).isEqualTo(EventType.COMMUNITY_PAYBACK_ORDER_RECEIVED.dataschema());
        assertThat(event.key()).isEqualTo("X123456");
        JsonNode data = data(event);
        assertThat(data.get("orderId").asString()).isEqualTo("order-1");
        assertThat(data.get("requiredMinutes").asInt()).isEqualTo(600);
        assertThat(data.get("sex").asString()).isEqualTo("FEMALE");
    }

    @Test
    void placingTheOrderRegistersTheProjectItIsPlacedOn() {
        Order o = received(600);

        o.place(new Placement("PRJ01", ProjectType.GROUP, false, null, LocalDate.parse("2026-11-23")), events);

        OutboxEvent placed = o.getOutbox().get(1);
        assertThat(placed.type()).isEqualTo(EventType.COMMUNITY_PAYBACK_PLACEMENT_ASSIGNED.type());
        assertThat(data(placed).get("projectCode").asString()).isEqualTo("PRJ01");
        assertThat(data(placed).get("projectType").asString()).isEqualTo("GROUP");
        assertThat(data(placed).get("assignedOn").asString()).isEqualTo("2026-11-23");
    }

    @Test
    void theSessionThatCompletesTheOrderRegistersTheAttendanceThenTheCompletion() {
        Order o = received(420);

        boolean completed = o.record(SESSION, claim(AttendanceOutcome.ATTENDED_COMPLIED), new Credit(420, 0, 0), true,
                events);

        assertThat(completed).isTrue();
        assertThat(o.getOutbox()).extracting(OutboxEvent::type).containsExactly(
                EventType.COMMUNITY_PAYBACK_ORDER_RECEIVED.type(), EventType.COMMUNITY_PAYBACK_SESSION_ATTENDED.type(),
                EventType.COMMUNITY_PAYBACK_ORDER_COMPLETED.type());
        JsonNode attended = data(o.getOutbox().get(1));
        assertThat(attended.get("minutesCredited").asInt()).isEqualTo(420);
        assertThat(attended.get("remainingMinutes").asInt()).isZero();
        JsonNode done = data(o.getOutbox().get(2));
        assertThat(done.get("completedOn").asString()).isEqualTo("2026-11-21");
        assertThat(done.get("withinTwelveMonths").asBoolean()).isTrue();
        assertThat(o.getOutbox().get(1).payload()).as("who recorded it stays here").doesNotContain("Sam Supervisor");
    }

    @Test
    void aPersonTheServiceSentHomeIsWorkSentHomeNotAttendance() {
        Order o = received(600);

        o.record(SESSION, claim(AttendanceOutcome.SENT_HOME_SERVICE_ISSUE), new Credit(0, 0, 0), true, events);

        OutboxEvent sentHome = o.getOutbox().get(1);
        assertThat(o.getOutbox()).hasSize(2);
        assertThat(sentHome.type()).isEqualTo(EventType.COMMUNITY_PAYBACK_WORK_SENT_HOME.type());
        assertThat(data(sentHome).get("reason").asString()).isEqualTo("SERVICE_ISSUE");
        assertThat(data(sentHome).get("sessionId").asString()).isEqualTo("session-1");
    }

    @Test
    void erasingRegistersTheErasureWithTheCrnTheTombstoneNoLongerHolds() {
        Order o = received(420);
        o.record(SESSION, claim(AttendanceOutcome.ATTENDED_COMPLIED), new Credit(420, 0, 0), true, events);

        o.erase(LocalDate.parse("2033-01-02"), events);

        OutboxEvent erased = o.getOutbox().get(3);
        assertThat(erased.type()).isEqualTo(EventType.COMMUNITY_PAYBACK_ORDER_ERASED.type());
        assertThat(erased.key()).isEqualTo("X123456");
        assertThat(data(erased).get("crn").asString()).isEqualTo("X123456");
        assertThat(data(erased).get("areaCode").asString()).isEqualTo("N01");
        assertThat(o.getCrn()).isNull();
    }

    private static AttendanceClaim claim(AttendanceOutcome outcome) {
        return new AttendanceClaim(outcome, 420, NOW, "sam", "Sam Supervisor");
    }

    private JsonNode data(OutboxEvent event) {
        return json.readTree(event.payload());
    }
}
