package uk.probation.gate.communitypayback.session;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import uk.probation.gate.communitypayback.domain.AttendanceOutcome;
import uk.probation.gate.contracts.reference.Sex;
import uk.probation.gate.communitypayback.order.AttendanceClaim;

/**
 * A place on a session held for an order; the outcome once attendance is recorded. The person's sex is kept for
 * the outcome figures by sex (null on bookings made before it was kept). {@code pending} is the attendance recorded
 * on the booking and not yet credited to the order (ADR 0008): set with the outcome, cleared once the order has it.
 */
public record Booking(String orderId, String crn, String responsibleOfficerCode, Instant bookedAt,
        AttendanceOutcome outcome, Sex sex, @JsonIgnore AttendanceClaim pending) {

    /** The outcome is claimed: the booking can no longer be stood down or cancelled; the order is credited next. */
    Booking claimed(AttendanceClaim claim) {
        return new Booking(orderId, crn, responsibleOfficerCode, bookedAt, claim.outcome(), sex, claim);
    }

    /** The order has credited the outcome. */
    Booking settled() {
        return new Booking(orderId, crn, responsibleOfficerCode, bookedAt, outcome, sex, null);
    }
}
