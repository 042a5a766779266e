package uk.probation.gate.web.admin;

import java.util.Map;
import uk.probation.gate.web.api.ApiProblem;
import uk.probation.gate.web.forms.FormErrors;

/**
 * A service's 422 at the form's fields: the API field's last part names the form field (so
 * {@code rules[3].priority} is the priority field); the message reads as a sentence with the field's label.
 */
final class AdminErrors {

    private AdminErrors() {
    }

    static FormErrors of(ApiProblem problem, Map<String, String> labels) {
        FormErrors errors = FormErrors.none();
        for (ApiProblem.FieldError error : problem.errors()) {
            String field = error.field() == null ? null : error.field().replaceAll("^.*\\.", "");
            String message = error.message() == null ? "is not valid" : error.message();
            if (field != null && labels.containsKey(field)) {
                errors.add(field, Character.isUpperCase(message.charAt(0)) ? message
                        : labels.get(field) + " " + message);
            } else {
                errors.add(null, (error.field() == null ? "" : error.field() + " ") + message);
            }
        }
        if (!errors.any()) {
            errors.add(null, problem.detail() != null ? problem.detail() : "The change could not be saved");
        }
        return errors;
    }
}
