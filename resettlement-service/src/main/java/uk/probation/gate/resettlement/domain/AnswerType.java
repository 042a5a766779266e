package uk.probation.gate.resettlement.domain;

/** How a screening question is answered; TEXT answers are free text (never on the bus, null for OPS_VIEWER). */
public enum AnswerType {
    YES_NO, CHOICE, TEXT
}
