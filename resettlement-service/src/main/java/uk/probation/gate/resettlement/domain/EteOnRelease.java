package uk.probation.gate.resettlement.domain;

public enum EteOnRelease {
    EMPLOYMENT, EDUCATION_OR_TRAINING, NONE, UNKNOWN
}
