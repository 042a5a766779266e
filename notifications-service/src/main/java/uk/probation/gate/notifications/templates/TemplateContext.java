package uk.probation.gate.notifications.templates;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.probation.gate.contracts.EventType;
import uk.probation.gate.contracts.reference.ReferenceData;

/**
 * What a template may use: the fields the event type carries (identifiers and codes; the bus has no personal data),
 * the event id and type, the recipient's code, and names from reference data for the codes present.
 */
@Component
public class TemplateContext {

    private final JsonMapper json;

    TemplateContext(JsonMapper json) {
        this.json = json;
    }

    /** The values for one notification. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> of(String eventId, String eventType, JsonNode data, String recipientCode) {
        Map<String, Object> context = new LinkedHashMap<>(json.treeToValue(data, Map.class));
        addCommon(context, eventId, eventType, recipientCode);
        return context;
    }

    /** A value for every field the event type can carry: rendering it strictly finds placeholders nothing fills. */
    public Map<String, Object> sampleFor(EventType type) {
        Map<String, Object> context = sample(type.payloadType());
        addCommon(context, "00000000-0000-0000-0000-000000000000", type.type(), "CODE");
        return context;
    }

    private void addCommon(Map<String, Object> context, String eventId, String eventType, String recipientCode) {
        context.put("eventId", eventId);
        context.put("eventType", eventType);
        context.put("recipientCode", recipientCode);
        names(context);
    }

    /**
     * {@code prisonName} for {@code prisonCode}, {@code toPrisonName} for {@code toPrisonCode} and so on, from the
     * one list the producers use ({@link ReferenceData}); a code that list does not have stands for itself.
     */
    private static void names(Map<String, Object> context) {
        for (String field : List.copyOf(context.keySet())) {
            Function<String, Optional<String>> lookup = field.equals("prisonCode") || field.endsWith("PrisonCode")
                    ? code -> ReferenceData.prison(code).map(ReferenceData.Prison::name)
                    : field.equals("areaCode") ? code -> ReferenceData.area(code).map(ReferenceData.Area::name)
                    : field.equals("providerCode")
                            ? code -> ReferenceData.provider(code).map(ReferenceData.Provider::name) : null;
            if (lookup != null) {
                Object code = context.get(field);
                String name = code == null ? "" : lookup.apply(code.toString()).orElse(code.toString());
                context.put(field.substring(0, field.length() - "Code".length()) + "Name", name);
            }
        }
    }

    private static Map<String, Object> sample(Class<?> recordType) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (RecordComponent component : recordType.getRecordComponents()) {
            values.put(component.getName(), sampleValue(component.getType(), component.getGenericType()));
        }
        return values;
    }

    private static Object sampleValue(Class<?> type, Type generic) {
        if (type == boolean.class || type == Boolean.class) {
            return true;
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return 1;
        }
        if (type == LocalDate.class) {
            return "2026-01-01";
        }
        if (type.isRecord()) {
            return sample(type);
        }
        if (List.class.isAssignableFrom(type) && generic instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
            return List.of(sampleValue(element, element));
        }
        return "X";
    }
}
