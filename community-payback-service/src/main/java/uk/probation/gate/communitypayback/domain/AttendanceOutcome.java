package uk.probation.gate.communitypayback.domain;

/**
 * What happened at a booked session. Time worked is credited when the person worked; failures to comply and
 * unacceptable absences are enforceable; being sent home for a service issue is the provider's failure and counts
 * for nothing either way.
 */
public enum AttendanceOutcome {
    ATTENDED_COMPLIED(true, false),
    ATTENDED_FAILED_TO_COMPLY(true, true),
    SENT_HOME_BEHAVIOUR(true, true),
    SENT_HOME_SERVICE_ISSUE(false, false),
    ACCEPTABLE_ABSENCE(false, false),
    UNACCEPTABLE_ABSENCE(false, true);

    private final boolean worked;
    private final boolean enforceable;

    AttendanceOutcome(boolean worked, boolean enforceable) {
        this.worked = worked;
        this.enforceable = enforceable;
    }

    /** The person worked some of the session, so minutes may be credited and it counts as a session started. */
    public boolean worked() {
        return worked;
    }

    /** A failure to comply or an unacceptable absence: counts towards enforcement. */
    public boolean enforceable() {
        return enforceable;
    }

    /** Sent home after reporting because the service failed: published as work sent home, not attendance. */
    public boolean sentHomeByService() {
        return this == SENT_HOME_SERVICE_ISSUE;
    }
}
