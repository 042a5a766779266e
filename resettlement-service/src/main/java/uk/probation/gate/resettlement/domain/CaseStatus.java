package uk.probation.gate.resettlement.domain;

public enum CaseStatus {
    SCREENING_DUE, PLAN_IN_PROGRESS, PLAN_COMPLETED, RELEASED, TRANSFERRED
}
