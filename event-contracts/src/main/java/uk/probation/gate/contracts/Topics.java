package uk.probation.gate.contracts;

/** Kafka topics: one per producing service, keyed by the person's identifier so each person's events stay in order. */
public final class Topics {
    public static final String RESETTLEMENT = "resettlement.events";
    public static final String COMMUNITY_PAYBACK = "community-payback.events";
    public static final String REFERRAL = "referral.events";
    /** Inbound HMPPS prison movements (received / released), HMPPS domain event format. */
    public static final String PRISON_OFFENDER_EVENTS = "prison-offender-events";

    private Topics() {
    }
}
