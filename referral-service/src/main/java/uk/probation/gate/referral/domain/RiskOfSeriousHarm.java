package uk.probation.gate.referral.domain;

public enum RiskOfSeriousHarm {
    LOW, MEDIUM, HIGH, VERY_HIGH
}
