package uk.probation.gate.referral.domain;

public enum Sex {
    MALE, FEMALE
}
