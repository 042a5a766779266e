package uk.probation.gate.communitypayback.domain;

/** A session runs as scheduled unless it is stood down. */
public enum SessionStatus {
    SCHEDULED, STOOD_DOWN
}
