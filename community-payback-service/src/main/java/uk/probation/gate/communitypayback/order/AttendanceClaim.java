package uk.probation.gate.communitypayback.order;

import java.time.Instant;
import uk.probation.gate.communitypayback.domain.AttendanceOutcome;

/**
 * An attendance outcome as recorded by someone, before (and until) the order has credited it: kept on the session's
 * booking in the same write that gives the booking its outcome, so whatever happens next the order can be credited
 * from it exactly once (ADR 0008).
 */
public record AttendanceClaim(AttendanceOutcome outcome, int minutesReported, Instant recordedAt, String recordedBy,
        String recordedByName) {
}
