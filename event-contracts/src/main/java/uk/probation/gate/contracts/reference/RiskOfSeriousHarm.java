package uk.probation.gate.contracts.reference;

/** The risk of serious harm level from the assessment, lowest first. One type for every service and the events' values. */
public enum RiskOfSeriousHarm {
    LOW, MEDIUM, HIGH, VERY_HIGH
}
