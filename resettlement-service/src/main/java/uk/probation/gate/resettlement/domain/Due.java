package uk.probation.gate.resettlement.domain;

/** What a caseworker has to do next on a case. */
public enum Due {
    SCREENING, PRE_RELEASE_REVIEW, OUTCOME_TO_RECORD
}
