package uk.probation.gate.referral.domain;

import java.util.EnumSet;
import java.util.Set;

/** A resettlement pathway a referral is for: the plan's pathway codes, as they travel on the bus. */
public enum Need {
    ACCOMMODATION(EnumSet.of(Outcome.SETTLED_ACCOMMODATION_SECURED, Outcome.TEMPORARY_ACCOMMODATION_SECURED,
            Outcome.NOT_SECURED)),
    EDUCATION_SKILLS_AND_WORK(EnumSet.of(Outcome.EMPLOYMENT_SECURED, Outcome.TRAINING_OR_EDUCATION_SECURED,
            Outcome.NOT_SECURED)),
    FINANCE_AND_ID(Outcome.GENERAL),
    DRUGS_AND_ALCOHOL(Outcome.GENERAL),
    HEALTH(Outcome.GENERAL),
    CHILDREN_FAMILIES_AND_COMMUNITY(Outcome.GENERAL),
    ATTITUDES_THINKING_AND_BEHAVIOUR(Outcome.GENERAL),
    ABUSE_VICTIM_SUPPORT(Outcome.GENERAL);

    private final Set<Outcome> outcomes;

    Need(Set<Outcome> outcomes) {
        this.outcomes = outcomes;
    }

    /** The outcome codes a provider may record for this need. */
    public Set<Outcome> outcomes() {
        return outcomes;
    }

    /** Accommodation and ETE outcomes are followed through to release. */
    public boolean trackedToRelease() {
        return this == ACCOMMODATION || this == EDUCATION_SKILLS_AND_WORK;
    }
}
