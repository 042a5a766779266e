package uk.probation.gate.referral.domain;

import java.util.EnumSet;
import java.util.Set;

/** What a provider can do to a referral, and from which statuses: anything else is refused as a conflict. */
public enum ReferralStep {
    ACCEPT(EnumSet.of(ReferralStatus.SENT)),
    DECLINE(EnumSet.of(ReferralStatus.SENT)),
    START(EnumSet.of(ReferralStatus.ACCEPTED)),
    RECORD_OUTCOME(EnumSet.of(ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS)),
    CLOSE(EnumSet.of(ReferralStatus.OUTCOME_RECORDED));

    private final Set<ReferralStatus> from;

    ReferralStep(Set<ReferralStatus> from) {
        this.from = from;
    }

    public boolean allowedFrom(ReferralStatus status) {
        return from.contains(status);
    }

    public Set<ReferralStatus> from() {
        return from;
    }
}
