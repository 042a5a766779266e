package uk.probation.gate.communitypayback.domain;

/** Motivation to comply as assessed; NOT_ASSESSED is allowed but counted (only 40% of assessments covered it). */
public enum Motivation {
    HIGH, MEDIUM, LOW, NOT_ASSESSED
}
