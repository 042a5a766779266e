package uk.probation.gate.resettlement.domain;

/** SUPERSEDED: a later reception of the same person opened a new case (one open case per person, ADR 0007). */
public enum CaseStatus {
    SCREENING_DUE, PLAN_IN_PROGRESS, PLAN_COMPLETED, RELEASED, TRANSFERRED, SUPERSEDED
}
