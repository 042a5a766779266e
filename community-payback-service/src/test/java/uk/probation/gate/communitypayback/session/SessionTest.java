package uk.probation.gate.communitypayback.session;

import uk.probation.gate.platform.outbox.Events;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import uk.probation.gate.communitypayback.domain.AttendanceOutcome;
import uk.probation.gate.communitypayback.domain.ProjectType;
import uk.probation.gate.communitypayback.domain.SessionRisk;
import uk.probation.gate.communitypayback.domain.SessionStatus;
import uk.probation.gate.contracts.reference.Sex;
import uk.probation.gate.communitypayback.domain.StandDownReason;
import uk.probation.gate.communitypayback.order.AttendanceClaim;
import uk.probation.gate.communitypayback.project.Project;

/**
 * The session's own rules, without Spring, a broker or a store: capacity, attendance waiting to be credited, a
 * stand-down freeing only the places still to attend, an erased order leaving only a headcount.
 */
class SessionTest {

    private static final Events events = new Events(tools.jackson.databind.json.JsonMapper.builder().build(),
            java.time.Clock.fixed(java.time.Instant.parse("2026-11-28T09:00:00Z"), java.time.ZoneOffset.UTC));

    static final Instant NOW = Instant.parse("2026-11-28T08:00:00Z");

    /** 09:00 to 16:00 on a Saturday, one supervisor with two places. */
    static Session session() {
        return new Session("session-1", new Project("PARKS-1", "Park paths", "N53NOT", ProjectType.GROUP, null, false,
                NOW), LocalDate.parse("2026-11-28"), LocalTime.of(9, 0), LocalTime.of(16, 0), 1, 2, NOW);
    }

    static Booking booking(String orderId, Sex sex) {
        return new Booking(orderId, "X" + orderId.hashCode(), "N53RO7", NOW, null, sex, null);
    }

    static AttendanceClaim claim(AttendanceOutcome outcome) {
        return new AttendanceClaim(outcome, 420, NOW, "supervisor-1", "Sam Supervisor");
    }

    @Test
    void aSessionIsFullAtSupervisorsTimesPlacesAndAtRiskWhenRestaffedBelowItsBookings() {
        Session session = session();
        assertThat(session.lengthMinutes()).isEqualTo(420);
        session.book(booking("o-1", Sex.MALE));
        assertThat(session.isFull()).isFalse();
        session.book(booking("o-2", Sex.FEMALE));
        assertThat(session.isFull()).isTrue();
        assertThat(session.risks()).isEmpty();

        session.staff(0, 2);
        assertThat(session.getCapacity()).isZero();
        assertThat(session.risks()).containsExactly(SessionRisk.OVER_BOOKED, SessionRisk.NO_SUPERVISOR);
    }

    @Test
    void attendanceRecordedOnABookingWaitsToBeCreditedUntilTheOrderHasIt() {
        Session session = session();
        Booking booked = booking("o-1", Sex.MALE);
        session.book(booked);
        assertThat(session.pendingCredits()).isEmpty();

        Booking claimed = booked.claimed(claim(AttendanceOutcome.ATTENDED_COMPLIED));
        session.recordOutcome(claimed);
        assertThat(session.pendingCredits()).extracting(Booking::orderId).containsExactly("o-1");
        assertThat(session.booking("o-1").outcome()).isEqualTo(AttendanceOutcome.ATTENDED_COMPLIED);

        session.recordOutcome(claimed.settled());
        assertThat(session.pendingCredits()).isEmpty();
        assertThat(session.booking("o-1").outcome()).isEqualTo(AttendanceOutcome.ATTENDED_COMPLIED);
    }

    @Test
    void aStandDownSendsHomeOnlyThoseStillToAttend() {
        Session session = session();
        Booking worked = booking("o-1", Sex.MALE);
        session.book(worked);
        session.book(booking("o-2", Sex.FEMALE));
        session.recordOutcome(worked.claimed(claim(AttendanceOutcome.ATTENDED_COMPLIED)).settled());

        assertThat(session.standDown(StandDownReason.WEATHER, events)).extracting(Booking::orderId).containsExactly("o-2");
        assertThat(session.getStatus()).isEqualTo(SessionStatus.STOOD_DOWN);
        assertThat(session.isStoodDown()).isTrue();
        assertThat(session.getStandDownReason()).isEqualTo(StandDownReason.WEATHER);
        assertThat(session.getBookings()).extracting(Booking::orderId).containsExactly("o-1");
        assertThat(session.getSentHome()).extracting(Booking::orderId).containsExactly("o-2");
        assertThat(session.risks()).as("a stood-down session is no longer at risk").isEmpty();
    }

    @Test
    void anErasedOrdersPlacesRemainOnlyAsAnonymousHeadcounts() {
        Session session = session();
        Booking worked = booking("o-1", Sex.MALE);
        session.book(worked);
        session.book(booking("o-2", Sex.FEMALE));
        session.recordOutcome(worked.claimed(claim(AttendanceOutcome.ATTENDED_COMPLIED)).settled());
        session.standDown(StandDownReason.NO_WORK, events);

        assertThat(session.forget("o-1")).isTrue();
        assertThat(session.forget("o-2")).isTrue();
        assertThat(session.forget("o-3")).isFalse();
        assertThat(session.getBookings()).isEmpty();
        assertThat(session.getSentHome()).isEmpty();
        assertThat(session.getErasedPlaces()).containsExactly(
                new Headcount(Sex.MALE, AttendanceOutcome.ATTENDED_COMPLIED, false),
                new Headcount(Sex.FEMALE, null, true));
    }
}
