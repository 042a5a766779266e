package uk.probation.gate.web.api;

/** The record is unknown or outside where the person works: both are shown as "Page not found". */
public class RecordNotFound extends ApiProblem {

    public RecordNotFound(String detail) {
        super(404, "Not Found", detail, null, null);
    }
}
