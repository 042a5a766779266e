package uk.probation.gate.communitypayback.domain;

public enum Sex {
    MALE, FEMALE
}
