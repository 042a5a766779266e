package uk.probation.gate.communitypayback.session;

import java.time.Instant;
import uk.probation.gate.communitypayback.domain.AttendanceOutcome;
import uk.probation.gate.communitypayback.domain.Sex;

/**
 * A place on a session held for an order; the outcome once attendance is recorded. The person's sex is kept for
 * the outcome figures by sex (null on bookings made before it was kept).
 */
public record Booking(String orderId, String crn, String responsibleOfficerCode, Instant bookedAt,
        AttendanceOutcome outcome, Sex sex) {

    Booking withOutcome(AttendanceOutcome recorded) {
        return new Booking(orderId, crn, responsibleOfficerCode, bookedAt, recorded, sex);
    }
}
