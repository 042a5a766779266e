package uk.probation.gate.communitypayback.domain;

/** Where an unpaid work order is: received from court, assessed, placed, working, completed. */
public enum OrderStatus {
    AWAITING_ASSESSMENT, AWAITING_PLACEMENT, PLACED, COMPLETED
}
