package uk.probation.gate.communitypayback.session;

import uk.probation.gate.communitypayback.domain.AttendanceOutcome;
import uk.probation.gate.contracts.reference.Sex;

/**
 * A place on a session that was held by someone whose order has since been erased (ADR 0010): the number stays for
 * the outcome figures (places booked, people sent home, by sex), the person does not — no order id, CRN, officer or
 * time. {@code sentHome} says whether a stand-down withdrew the instructions; {@code outcome} is the attendance
 * recorded, or null.
 */
public record Headcount(Sex sex, AttendanceOutcome outcome, boolean sentHome) {
}
