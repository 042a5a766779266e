package uk.probation.gate.communitypayback.domain;

public enum RiskOfSeriousHarm {
    LOW, MEDIUM, HIGH, VERY_HIGH
}
