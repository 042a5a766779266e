package uk.probation.gate.resettlement.domain;

/**
 * SUPERSEDED: a later reception of the same person opened a new case (one open case per person, ADR 0007).
 * ERASED: a tombstone — the closed case's retention ended, its personal fields are gone and only its id waits for the
 * erased event to be published (ADR 0010); never shown, listed or reported.
 */
public enum CaseStatus {
    SCREENING_DUE, PLAN_IN_PROGRESS, PLAN_COMPLETED, RELEASED, TRANSFERRED, SUPERSEDED, ERASED;

    /** Released, transferred out, superseded or erased: the case is closed for good. */
    public boolean isTerminal() {
        return this == RELEASED || this == TRANSFERRED || this == SUPERSEDED || this == ERASED;
    }
}
