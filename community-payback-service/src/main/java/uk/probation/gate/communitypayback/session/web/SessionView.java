package uk.probation.gate.communitypayback.session.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import uk.probation.gate.communitypayback.domain.AttendanceOutcome;
import uk.probation.gate.communitypayback.domain.ProjectType;
import uk.probation.gate.communitypayback.domain.SessionRisk;
import uk.probation.gate.communitypayback.domain.SessionStatus;
import uk.probation.gate.communitypayback.domain.StandDownReason;
import uk.probation.gate.communitypayback.order.AttendanceRecord;
import uk.probation.gate.communitypayback.order.Order;
import uk.probation.gate.communitypayback.project.Project;
import uk.probation.gate.communitypayback.session.Booking;
import uk.probation.gate.communitypayback.session.Session;

/** A session with its computed capacity, what is booked, and what puts it at risk. */
public record SessionView(
        String id,
        String projectCode,
        ProjectType projectType,
        boolean ete,
        String areaCode,
        LocalDate date,
        LocalTime startTime,
        LocalTime endTime,
        int lengthMinutes,
        int supervisors,
        int placesPerSupervisor,
        int capacity,
        int booked,
        int placesLeft,
        SessionStatus status,
        StandDownReason standDownReason,
        boolean atRisk,
        List<SessionRisk> risks,
        List<Booking> bookings,
        // only on GET /api/sessions/{id}: the project's name and who is booked with what is recorded for them
        String projectName,
        List<RosterEntry> roster) {

    /**
     * One person booked: the order's remaining minutes (null when the order is outside the caller's areas) and the
     * attendance recorded for this session, or null when none is recorded yet.
     */
    public record RosterEntry(String orderId, String crn, Integer remainingMinutes,
            @JsonInclude(JsonInclude.Include.ALWAYS) RosterAttendance attendance) {
    }

    public record RosterAttendance(AttendanceOutcome outcome, int minutesCredited, String recordedBy,
            String recordedByName, Instant recordedAt) {
    }

    public static SessionView of(Session s) {
        return of(s, null, null);
    }

    /** The session with its roster, read from the orders booked on it. */
    public static SessionView withRoster(Session s, Project project, Map<String, Order> booked) {
        List<RosterEntry> roster = s.getBookings().stream().map(b -> {
            Order o = booked.get(b.orderId());
            AttendanceRecord a = o == null ? null : o.attendanceFor(s.getId());
            RosterAttendance attendance = a == null
                    ? (b.outcome() == null ? null : new RosterAttendance(b.outcome(), 0, null, null, null))
                    : new RosterAttendance(a.outcome(), a.minutesCredited(), a.recordedBy(), a.recordedByName(),
                            a.recordedAt());
            return new RosterEntry(b.orderId(), b.crn(), o == null ? null : o.getRemainingMinutes(), attendance);
        }).toList();
        return of(s, project == null ? null : project.name(), roster);
    }

    private static SessionView of(Session s, String projectName, List<RosterEntry> roster) {
        List<SessionRisk> risks = s.risks();
        int booked = s.getBookings().size();
        return new SessionView(s.getId(), s.getProjectCode(), s.getProjectType(), s.isEte(), s.getAreaCode(),
                s.getDate(), s.getStartTime(), s.getEndTime(), s.lengthMinutes(), s.getSupervisors(),
                s.getPlacesPerSupervisor(), s.getCapacity(), booked, Math.max(0, s.getCapacity() - booked),
                s.getStatus(), s.getStandDownReason(), !risks.isEmpty(), risks, s.getBookings(), projectName, roster);
    }
}
