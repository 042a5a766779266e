package uk.probation.gate.notifications.domain;

/** How a recipient is told. */
public enum Channel {
    EMAIL
}
