package uk.probation.gate.communitypayback.session;

import java.time.Instant;
import uk.probation.gate.communitypayback.domain.AttendanceOutcome;

/** A place on a session held for an order; the outcome once attendance is recorded. */
public record Booking(String orderId, String crn, String responsibleOfficerCode, Instant bookedAt,
        AttendanceOutcome outcome) {

    Booking withOutcome(AttendanceOutcome recorded) {
        return new Booking(orderId, crn, responsibleOfficerCode, bookedAt, recorded);
    }
}
