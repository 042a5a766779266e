package uk.probation.gate.communitypayback.domain;

/** Why a session may end with people sent home unless a coordinator acts first. */
public enum SessionRisk {
    /** More people booked than the supervisors can take. */
    OVER_BOOKED,
    /** No supervisor assigned to the session. */
    NO_SUPERVISOR
}
