package uk.probation.gate.communitypayback.order;

import java.time.Instant;
import java.time.LocalDate;
import uk.probation.gate.communitypayback.domain.AttendanceOutcome;
import uk.probation.gate.communitypayback.domain.ProjectType;

/**
 * One booked session's outcome on the order: at most one per session, so a repeat is refused. {@code recordedBy} is
 * the token subject of whoever recorded it, {@code recordedByName} their display name (null on older records).
 */
public record AttendanceRecord(String sessionId, LocalDate sessionDate, String projectCode, ProjectType projectType,
        AttendanceOutcome outcome, int minutesCredited, int eteMinutesCredited, Instant recordedAt, String recordedBy,
        String recordedByName) {
}
