package uk.probation.gate.referral.domain;

/**
 * One need (accommodation or ETE) followed from the plan to the release: was it needed, referred, accepted, was
 * something secured. Each fact is set by its own event; none depends on the order they arrive in.
 */
public record NeedOnRelease(boolean needed, int neededInPlanVersion, boolean referred, boolean accepted,
        Outcome outcome, String outcomeProvider) {

    public static NeedOnRelease unknown() {
        return new NeedOnRelease(false, 0, false, false, null, null);
    }

    /** A plan version at or above the one seen decides whether the need exists; an older plan changes nothing. */
    public NeedOnRelease planned(int planVersion, boolean supportRequired) {
        if (planVersion < neededInPlanVersion) {
            return this;
        }
        return new NeedOnRelease(supportRequired, planVersion, referred, accepted, outcome, outcomeProvider);
    }

    public NeedOnRelease referredTo() {
        return new NeedOnRelease(needed, neededInPlanVersion, true, accepted, outcome, outcomeProvider);
    }

    public NeedOnRelease acceptedBy() {
        return new NeedOnRelease(needed, neededInPlanVersion, true, true, outcome, outcomeProvider);
    }

    /**
     * With two referrals for one need, the better outcome stands whichever is recorded last: secured beats not
     * secured, settled beats temporary.
     */
    public NeedOnRelease outcomeRecorded(Outcome recorded, String provider) {
        if (outcome != null && rank(outcome) <= rank(recorded)) {
            return new NeedOnRelease(needed, neededInPlanVersion, true, true, outcome, outcomeProvider);
        }
        return new NeedOnRelease(needed, neededInPlanVersion, true, true, recorded, provider);
    }

    private static int rank(Outcome o) {
        return (o.secured() ? 0 : 100) + o.ordinal();
    }

    public boolean secured() {
        return outcome != null && outcome.secured();
    }
}
