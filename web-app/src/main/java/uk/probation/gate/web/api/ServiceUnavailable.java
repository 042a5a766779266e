package uk.probation.gate.web.api;

/** A service could not be reached or failed (5xx): "Sorry, there is a problem with the service". */
public class ServiceUnavailable extends RuntimeException {

    public ServiceUnavailable(String service, Throwable cause) {
        super(service + " is unavailable: " + cause.getMessage(), cause);
    }

    public ServiceUnavailable(String message) {
        super(message);
    }
}
