package uk.probation.gate.infra.stack;

/** The stack could not be started; the message names the component and quotes the end of its log. */
public class StackStartupException extends RuntimeException {

    public StackStartupException(String message) {
        super(message);
    }
}
