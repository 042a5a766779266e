package uk.probation.gate.communitypayback.domain;

/** A rule the request breaks, naming the field or constraint a coordinator has to change. */
public record Problem(String field, String message) {
}
