package uk.probation.gate.communitypayback.domain;

/** Why a session's instructions were withdrawn: always the provider's failure, never the person's. */
public enum StandDownReason {
    NO_SUPERVISOR, NO_WORK, WEATHER, OTHER
}
