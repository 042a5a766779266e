package uk.probation.gate.communitypayback.order;

import uk.probation.gate.platform.outbox.Events;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.probation.gate.communitypayback.domain.Assessment;
import uk.probation.gate.communitypayback.domain.AttendanceOutcome;
import uk.probation.gate.communitypayback.domain.Credit;
import uk.probation.gate.communitypayback.domain.Motivation;
import uk.probation.gate.communitypayback.domain.OrderStatus;
import uk.probation.gate.communitypayback.domain.ProjectType;
import uk.probation.gate.contracts.reference.RiskOfSeriousHarm;
import uk.probation.gate.contracts.reference.Sex;

/** The order's own rules, without Spring, a broker or a store: assessment and placement, credit, completion, erasure. */
class OrderTest {

    private static final Events events = new Events(tools.jackson.databind.json.JsonMapper.builder().build(),
            java.time.Clock.fixed(java.time.Instant.parse("2026-11-28T09:00:00Z"), java.time.ZoneOffset.UTC));

    static final LocalDate SENTENCED = LocalDate.parse("2026-11-02");
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    /** A 10-hour order (600 minutes), 180 of them allowed as education and training. */
    static Order received() {
        return new Order("order-1", new NewOrder("X123456", SENTENCED, 10, "N53NOT", Sex.FEMALE,
                RiskOfSeriousHarm.LOW, "N53RO7"), 600, 180, SENTENCED.plusMonths(12), NOW, events);
    }

    static Assessment assessment(Motivation motivation) {
        return new Assessment(List.of(DayOfWeek.SATURDAY), null, null, null, true, motivation, false, SENTENCED);
    }

    static boolean worked(Order order, String session, LocalDate on, AttendanceOutcome outcome, int minutes) {
        return order.record(new WorkedSession(session, on, "PARKS-1", ProjectType.GROUP, false, "N53NOT", 420),
                new AttendanceClaim(outcome, minutes, NOW, "supervisor-1", "Sam Supervisor"),
                new Credit(minutes, 0, 0), true, events);
    }

    @Test
    void anOrderIsAssessedThenPlacedAndAReassessmentKeepsThePlacement() {
        Order order = received();
        assertThat(order.getStatus()).isEqualTo(OrderStatus.AWAITING_ASSESSMENT);
        assertThat(order.getRemainingMinutes()).isEqualTo(600);

        order.assess(assessment(Motivation.LOW));
        assertThat(order.getStatus()).isEqualTo(OrderStatus.AWAITING_PLACEMENT);
        order.place(new Placement("PARKS-1", ProjectType.GROUP, false, null, SENTENCED.plusDays(7)), events);
        assertThat(order.getStatus()).isEqualTo(OrderStatus.PLACED);

        order.assess(assessment(Motivation.HIGH));
        assertThat(order.getStatus()).isEqualTo(OrderStatus.PLACED);
        assertThat(order.getPlacement().projectCode()).isEqualTo("PARKS-1");
        assertThat(order.getAssessment().motivationToComply()).isEqualTo(Motivation.HIGH);
    }

    @Test
    void theSessionThatReachesTheRequiredMinutesCompletesTheOrderOnceOnItsDay() {
        Order order = received();
        LocalDate first = LocalDate.parse("2026-11-21");
        LocalDate second = LocalDate.parse("2026-11-28");
        assertThat(worked(order, "s-1", first, AttendanceOutcome.ATTENDED_COMPLIED, 420)).isFalse();
        assertThat(order.getRemainingMinutes()).isEqualTo(180);
        assertThat(order.wouldComplete(179)).isFalse();
        assertThat(order.wouldComplete(180)).isTrue();

        assertThat(worked(order, "s-2", second, AttendanceOutcome.ATTENDED_COMPLIED, 180)).isTrue();
        assertThat(order.isCompleted()).isTrue();
        assertThat(order.getCompletedOn()).isEqualTo(second);
        assertThat(order.getWithinTwelveMonths()).isTrue();
        assertThat(order.getRemainingMinutes()).isZero();

        // an outcome recorded after completion is kept, but does not complete the order again
        assertThat(order.wouldComplete(60)).isFalse();
        assertThat(worked(order, "s-3", second.plusDays(7), AttendanceOutcome.ACCEPTABLE_ABSENCE, 0)).isFalse();
        assertThat(order.getCompletedOn()).isEqualTo(second);
        assertThat(order.hasAttendanceFor("s-3")).isTrue();
        assertThat(order.attendanceFor("s-1").minutesCredited()).isEqualTo(420);
    }

    @Test
    void enforceableFailuresAreCountedAndTheFirstSessionIsTheEarliestOneWorked() {
        Order order = received();
        worked(order, "absent", LocalDate.parse("2026-11-07"), AttendanceOutcome.UNACCEPTABLE_ABSENCE, 0);
        worked(order, "late", LocalDate.parse("2026-11-21"), AttendanceOutcome.ATTENDED_FAILED_TO_COMPLY, 60);
        worked(order, "early", LocalDate.parse("2026-11-14"), AttendanceOutcome.ATTENDED_COMPLIED, 60);
        worked(order, "excused", LocalDate.parse("2026-11-10"), AttendanceOutcome.ACCEPTABLE_ABSENCE, 0);

        assertThat(order.getEnforceableFailures()).isEqualTo(2);
        assertThat(order.getFirstSessionOn()).as("an absence is not a session worked")
                .isEqualTo(LocalDate.parse("2026-11-14"));
        assertThat(order.getCreditedMinutes()).isEqualTo(120);
    }

    @Test
    void anErasedOrderKeepsOnlyItsIdAndArea() {
        Order order = received();
        order.assess(assessment(Motivation.HIGH));
        worked(order, "s-1", LocalDate.parse("2026-11-21"), AttendanceOutcome.ATTENDED_COMPLIED, 600);
        order.erase(LocalDate.parse("2033-11-21"), events);

        assertThat(order.isErased()).isTrue();
        assertThat(order.getId()).isEqualTo("order-1");
        assertThat(order.getAreaCode()).isEqualTo("N53NOT");
        assertThat(order.getErasedOn()).isEqualTo(LocalDate.parse("2033-11-21"));
        assertThat(order.getCrn()).isNull();
        assertThat(order.getSentenceDate()).isNull();
        assertThat(order.getResponsibleOfficerCode()).isNull();
        assertThat(order.getAssessment()).isNull();
        assertThat(order.getAttendances()).isEmpty();
        assertThat(order.getCompletedOn()).isNull();
    }
}
