package uk.probation.gate.web.forms;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a service's field names map to a form's fields and their labels, e.g. API {@code receivedOn} to the
 * date input {@code receivedOn-day} labelled "Date received". A nested API field such as {@code needs[3].note}
 * maps by its longest registered prefix.
 */
public final class FormFields {

    public record Field(String id, String label) {
        /** "Prison number must be a prison number like A1234BC"; a message already a sentence stays as it is. */
        String message(String apiMessage) {
            if (apiMessage == null || apiMessage.isBlank()) {
                return "Check " + label.toLowerCase();
            }
            return Character.isUpperCase(apiMessage.charAt(0)) ? apiMessage : label + " " + apiMessage;
        }
    }

    private final Map<String, Field> byApiField = new LinkedHashMap<>();

    public static FormFields of() {
        return new FormFields();
    }

    /** The API field {@code apiField} is the form's field {@code id}, labelled {@code label}. */
    public FormFields field(String apiField, String id, String label) {
        byApiField.put(apiField, new Field(id, label));
        return this;
    }

    /** Same name in the API and the form. */
    public FormFields field(String name, String label) {
        return field(name, name, label);
    }

    public Field forApiField(String apiField) {
        if (apiField == null) {
            return null;
        }
        Field exact = byApiField.get(apiField);
        if (exact != null) {
            return exact;
        }
        return byApiField.entrySet().stream()
                .filter(e -> apiField.startsWith(e.getKey() + ".") || apiField.startsWith(e.getKey() + "["))
                .max((a, b) -> Integer.compare(a.getKey().length(), b.getKey().length()))
                .map(Map.Entry::getValue).orElse(null);
    }
}
