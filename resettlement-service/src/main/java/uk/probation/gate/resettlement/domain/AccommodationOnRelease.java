package uk.probation.gate.resettlement.domain;

public enum AccommodationOnRelease {
    SETTLED, TEMPORARY, NO_FIXED_ABODE, UNKNOWN
}
