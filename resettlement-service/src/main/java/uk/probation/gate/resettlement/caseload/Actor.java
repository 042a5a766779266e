package uk.probation.gate.resettlement.caseload;

/**
 * Who made a change: the signed-in person (token {@code sub} and display {@code name}), a script's client, or
 * HMPPS for prison movements. Staff names stay in this service: never on the bus, in logs or metric labels.
 */
public record Actor(String id, String name) {

    /** Prison movements from HMPPS: no person made the change. */
    public static final Actor HMPPS = new Actor("hmpps", "HMPPS");
}
