package uk.probation.gate.referral.domain;

/**
 * CREATED → SENT → ACCEPTED or DECLINED (declined: sent to the next provider, or UNROUTABLE) → IN_PROGRESS →
 * OUTCOME_RECORDED → CLOSED. A referral no provider matches is UNROUTABLE. CLOSED and UNROUTABLE are terminal:
 * nothing moves a referral out of them (a need still required after UNROUTABLE gets a new referral). ERASED is a
 * tombstone: the referral's retention ended (or its case was erased), everything about the person is gone and it
 * only waits for its {@code referral.referral.erased} event to be published before it is deleted; no caller sees it.
 */
public enum ReferralStatus {
    CREATED, SENT, ACCEPTED, DECLINED, IN_PROGRESS, OUTCOME_RECORDED, CLOSED, UNROUTABLE, ERASED;

    /** Still waiting for, or being worked by, a provider: a revised plan withdraws these. */
    public boolean open() {
        return this == CREATED || this == SENT || this == ACCEPTED || this == IN_PROGRESS;
    }

    /** Closed for good: CLOSED (closed event published) or UNROUTABLE (closed as unroutable). */
    public boolean terminal() {
        return this == CLOSED || this == UNROUTABLE;
    }
}
