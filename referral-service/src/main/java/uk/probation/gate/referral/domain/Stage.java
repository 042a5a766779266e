package uk.probation.gate.referral.domain;

/**
 * A referral stage with its own deadline: RESPONSE (SENT, accept or decline by {@code respondBy}), START
 * (ACCEPTED, start work by {@code startBy}), OUTCOME (IN_PROGRESS, record an outcome by {@code outcomeBy}).
 */
public enum Stage {
    RESPONSE, START, OUTCOME;

    /** The stage a referral in this status is in, or null when no deadline runs. */
    public static Stage of(ReferralStatus status) {
        return switch (status) {
            case SENT -> RESPONSE;
            case ACCEPTED -> START;
            case IN_PROGRESS -> OUTCOME;
            default -> null;
        };
    }
}
