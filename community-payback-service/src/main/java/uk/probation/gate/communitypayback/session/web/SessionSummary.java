package uk.probation.gate.communitypayback.session.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import uk.probation.gate.communitypayback.domain.ProjectType;
import uk.probation.gate.communitypayback.domain.SessionRisk;
import uk.probation.gate.communitypayback.domain.SessionStatus;
import uk.probation.gate.communitypayback.domain.StandDownReason;
import uk.probation.gate.communitypayback.project.Project;
import uk.probation.gate.communitypayback.session.Session;

/**
 * A session in a list (GET /api/sessions): where and when, staffing against bookings, and what puts it at risk
 * ({@code risks}: OVER_BOOKED, NO_SUPERVISOR). No one booked is named here; the roster is on the session itself.
 */
record SessionSummary(
        String id,
        String projectCode,
        String projectName,
        ProjectType projectType,
        String areaCode,
        LocalDate date,
        LocalTime startTime,
        LocalTime endTime,
        int supervisors,
        int capacity,
        int booked,
        int placesLeft,
        SessionStatus status,
        boolean atRisk,
        List<SessionRisk> risks,
        StandDownReason standDownReason) {

    static SessionSummary of(Session s, Project project) {
        List<SessionRisk> risks = s.risks();
        int booked = s.getBookings().size();
        return new SessionSummary(s.getId(), s.getProjectCode(), project == null ? null : project.name(),
                s.getProjectType(), s.getAreaCode(), s.getDate(), s.getStartTime(), s.getEndTime(), s.getSupervisors(),
                s.getCapacity(), booked, Math.max(0, s.getCapacity() - booked), s.getStatus(), !risks.isEmpty(), risks,
                s.getStandDownReason());
    }
}
