package uk.probation.gate.platform.messaging;

/** A record no retry can fix (not JSON, missing attributes, a schema version we do not know): dead-letter it. */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message) {
        super(message);
    }

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
