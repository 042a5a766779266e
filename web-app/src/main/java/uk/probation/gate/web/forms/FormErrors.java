package uk.probation.gate.web.forms;

import java.util.ArrayList;
import java.util.List;
import uk.probation.gate.web.api.ApiProblem;

/**
 * What is wrong with a form, field by field: the error summary at the top links each message to its field
 * ({@code href="#<field id>"}), and the field shows the same message. Built from a service's problem+json with
 * {@link #from(ApiProblem, FormFields)}, or by a page's own checks with {@link #add}.
 */
public final class FormErrors {

    public record Item(String field, String message) {
        public String href() {
            return field == null ? null : "#" + field;
        }
    }

    private final List<Item> items = new ArrayList<>();

    public static FormErrors none() {
        return new FormErrors();
    }

    /**
     * The service's {@code errors[{field, message}]} on the form's fields; a problem without field errors (or with
     * fields the form does not have) still shows its detail in the summary.
     */
    public static FormErrors from(ApiProblem problem, FormFields fields) {
        FormErrors errors = new FormErrors();
        for (ApiProblem.FieldError error : problem.errors()) {
            FormFields.Field field = fields.forApiField(error.field());
            if (field == null) {
                errors.add(null, sentence(error.field(), error.message()));
            } else {
                errors.add(field.id(), field.message(error.message()));
            }
        }
        if (errors.items.isEmpty()) {
            errors.add(null, problem.detail() != null ? problem.detail()
                    : problem.title() != null ? problem.title() : "The change could not be saved");
        }
        return errors;
    }

    public FormErrors add(String field, String message) {
        items.add(new Item(field, message));
        return this;
    }

    public boolean any() {
        return !items.isEmpty();
    }

    public boolean has(String field) {
        return items.stream().anyMatch(item -> field.equals(item.field()));
    }

    /** The message shown at the field (the first, if there are several). */
    public String message(String field) {
        return items.stream().filter(item -> field.equals(item.field())).map(Item::message).findFirst().orElse(null);
    }

    public List<Item> items() {
        return List.copyOf(items);
    }

    private static String sentence(String field, String message) {
        if (message == null) {
            return field;
        }
        return field == null ? message : field + " " + message;
    }
}
