package uk.probation.gate.notifications.domain;

/**
 * PENDING: waiting for its channel (first attempt or a retry after a failure); HELD: kept back until the recipient's
 * quiet hours end; SENT: the channel accepted it; FAILED: the last attempt failed, the reason is kept.
 */
public enum DeliveryStatus {
    PENDING, HELD, SENT, FAILED;

    public boolean awaitsDelivery() {
        return this == PENDING || this == HELD;
    }
}
