package uk.probation.gate.notifications.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One line of the rule table: an event of {@code eventType} (optionally only when a field of the event has one of
 * {@code whenValues}; for a list field, when the list holds one of them) is told to a recipient of {@code recipient}
 * kind, using {@code template}. The recipient's code comes from the event (the responsible officer, the provider, the
 * person) unless the rule names a fixed one (a volunteer service). The event's fields are given flattened by path
 * ({@code personReference.crn}), each with its values: one for a scalar, every element for a list of scalars.
 */
public record NotificationRule(String eventType, RecipientKind recipient, String recipientCode, String template,
        String whenField, List<String> whenValues) {

    private static final Map<RecipientKind, List<String>> CODE_FIELDS = Map.of(
            RecipientKind.RESPONSIBLE_OFFICER, List.of("responsibleOfficerCode"),
            RecipientKind.PROVIDER, List.of("providerCode"),
            RecipientKind.PERSON, List.of("crn", "prisonNumber", "personReference.crn", "personReference.prisonNumber"),
            RecipientKind.VOLUNTEER_SERVICE, List.of("volunteerServiceCode"));

    public NotificationRule {
        if (eventType == null || eventType.isBlank() || recipient == null) {
            throw new IllegalArgumentException("A notification rule needs an event type and a recipient kind");
        }
        whenValues = whenValues == null ? List.of() : List.copyOf(whenValues);
        if ((whenField == null) != whenValues.isEmpty()) {
            throw new IllegalArgumentException("Rule for " + eventType
                    + ": when-field and when-value (or when-any-of) go together");
        }
    }

    /** The template name: the rule's own, else the event type. */
    public String templateName() {
        return template == null || template.isBlank() ? eventType : template;
    }

    /** Whether this rule is about an event of this type with these (flattened) fields. */
    public boolean appliesTo(String type, Map<String, List<String>> fields) {
        return eventType.equals(type) && (whenField == null
                || fields.getOrDefault(whenField, List.of()).stream().anyMatch(whenValues::contains));
    }

    /** The recipient's code: fixed by the rule, or the first identifier of the right kind the event carries. */
    public Optional<String> recipientCodeIn(Map<String, List<String>> fields) {
        if (recipientCode != null && !recipientCode.isBlank()) {
            return Optional.of(recipientCode);
        }
        return CODE_FIELDS.get(recipient).stream().map(fields::get).filter(v -> v != null && v.size() == 1)
                .map(v -> v.get(0)).filter(v -> !v.isBlank()).findFirst();
    }
}
