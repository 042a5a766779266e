package uk.probation.gate.notifications.domain;

/** LOGGED: decided and recorded; sending through a channel comes later. */
public enum DeliveryStatus {
    LOGGED
}
