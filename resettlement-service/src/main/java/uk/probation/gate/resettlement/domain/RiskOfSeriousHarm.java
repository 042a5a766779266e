package uk.probation.gate.resettlement.domain;

public enum RiskOfSeriousHarm {
    LOW, MEDIUM, HIGH, VERY_HIGH
}
