package uk.probation.gate.contracts.reference;

/** A person's sex as the services record it (identifiers and codes only travel on the bus; this is a code). One type for every service and the events' values. */
public enum Sex {
    MALE, FEMALE
}
