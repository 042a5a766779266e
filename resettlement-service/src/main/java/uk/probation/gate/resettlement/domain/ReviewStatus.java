package uk.probation.gate.resettlement.domain;

/** Where the pre-release review stands; NOT_APPLICABLE while the case has no expected release date. */
public enum ReviewStatus {
    NOT_DUE, DUE, OVERDUE, COMPLETED, NOT_APPLICABLE
}
