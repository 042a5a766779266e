package uk.probation.gate.web.api;

import java.util.List;
import java.util.Map;

/**
 * A service answered with an error: its problem+json ({@code status}, {@code title}, {@code detail},
 * {@code errors[{field, message}]} and any extra members such as {@code modifiedBy}).
 */
public class ApiProblem extends RuntimeException {

    public record FieldError(String field, String message) {
    }

    private final int status;
    private final String title;
    private final String detail;
    private final List<FieldError> errors;
    private final Map<String, Object> extra;

    public ApiProblem(int status, String title, String detail, List<FieldError> errors, Map<String, Object> extra) {
        super(status + " " + title + (detail == null ? "" : ": " + detail));
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** A member beyond the standard ones, e.g. {@code modifiedBy} on a 409; null when absent. */
    public Object extra(String member) {
        return extra.get(member);
    }

    public boolean isNotFound() {
        return status == 404;
    }

    public boolean isConflict() {
        return status == 409 || status == 412;
    }

    /** Bad input the person can correct: 400 or 422. */
    public boolean isInvalidInput() {
        return status == 400 || status == 422;
    }
}
