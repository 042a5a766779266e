package uk.probation.gate.referral.domain;

import java.util.EnumSet;
import java.util.Set;

/** What a provider achieved; which codes apply depends on the need ({@link Need#outcomes()}). */
public enum Outcome {
    SETTLED_ACCOMMODATION_SECURED(true),
    TEMPORARY_ACCOMMODATION_SECURED(true),
    EMPLOYMENT_SECURED(true),
    TRAINING_OR_EDUCATION_SECURED(true),
    NOT_SECURED(false),
    ACHIEVED(true),
    PARTIALLY_ACHIEVED(false),
    NOT_ACHIEVED(false);

    static final Set<Outcome> GENERAL = EnumSet.of(ACHIEVED, PARTIALLY_ACHIEVED, NOT_ACHIEVED);

    private final boolean secured;

    Outcome(boolean secured) {
        this.secured = secured;
    }

    /** Accommodation, work or training was secured (or the support fully achieved). */
    public boolean secured() {
        return secured;
    }
}
