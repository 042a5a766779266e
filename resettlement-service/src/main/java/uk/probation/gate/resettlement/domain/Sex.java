package uk.probation.gate.resettlement.domain;

public enum Sex {
    MALE, FEMALE
}
