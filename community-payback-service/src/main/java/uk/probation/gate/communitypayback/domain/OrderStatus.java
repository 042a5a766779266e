package uk.probation.gate.communitypayback.domain;

/**
 * Where an unpaid work order is: received from court, assessed, placed, working, completed. ERASED is a tombstone:
 * a finished order whose retention ended, its personal fields stripped, kept only until its erased event is
 * published (never shown, listed or counted).
 */
public enum OrderStatus {
    AWAITING_ASSESSMENT, AWAITING_PLACEMENT, PLACED, COMPLETED, ERASED;

    /** The statuses an order ends in; only these are ever erased when their retention ends. */
    public boolean finished() {
        return this == COMPLETED;
    }
}
