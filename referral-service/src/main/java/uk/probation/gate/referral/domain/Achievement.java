package uk.probation.gate.referral.domain;

/** How far a desired outcome was achieved, as the provider reports it at the end of the service. */
public enum Achievement {
    ACHIEVED, PARTIALLY_ACHIEVED, NOT_ACHIEVED
}
