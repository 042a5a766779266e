package uk.probation.gate.communitypayback.session.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import uk.probation.gate.communitypayback.domain.ProjectType;
import uk.probation.gate.communitypayback.domain.SessionRisk;
import uk.probation.gate.communitypayback.domain.SessionStatus;
import uk.probation.gate.communitypayback.domain.StandDownReason;
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
        List<Booking> bookings) {

    public static SessionView of(Session s) {
        List<SessionRisk> risks = s.risks();
        int booked = s.getBookings().size();
        return new SessionView(s.getId(), s.getProjectCode(), s.getProjectType(), s.isEte(), s.getAreaCode(),
                s.getDate(), s.getStartTime(), s.getEndTime(), s.lengthMinutes(), s.getSupervisors(),
                s.getPlacesPerSupervisor(), s.getCapacity(), booked, Math.max(0, s.getCapacity() - booked),
                s.getStatus(), s.getStandDownReason(), !risks.isEmpty(), risks, s.getBookings());
    }
}
