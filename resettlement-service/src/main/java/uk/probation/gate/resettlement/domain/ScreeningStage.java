package uk.probation.gate.resettlement.domain;

/** The two screenings: immediate needs on reception, and the pre-release review before release. */
public enum ScreeningStage {
    IMMEDIATE_NEEDS, PRE_RELEASE
}
