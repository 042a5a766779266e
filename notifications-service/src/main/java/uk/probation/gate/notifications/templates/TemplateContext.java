package uk.probation.gate.notifications.templates;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.probation.gate.contracts.EventType;
import uk.probation.gate.contracts.reference.ReferenceData;

/**
 * What a template may use: the fields the event type carries (identifiers and codes; the bus has no personal data),
 * the event id and type, the recipient's code, names from reference data for the prison, area and provider codes
 * present ({@code prisonName}, {@code toPrisonName}, {@code areaName}, {@code providerName}), plain words in the
 * message's language for every other code ({@code <field>Text}: {@code needText}, {@code outcomeText},
 * {@code accommodationOnReleaseText}, {@code pathwayText} and {@code statusText} in each of a plan's needs,
 * {@code changedFieldsText}), hours for minutes ({@code requiredHours} for {@code requiredMinutes}), and for an event
 * with {@code changedFields} a {@code changed} map ({@code {{#changed.recall}}}).
 */
@Component
public class TemplateContext {

    /** Which list of words a code field takes its words from: by event type and field, else by field. */
    private static final Map<String, String> VOCABULARY = Map.ofEntries(
            Map.entry("community-payback.session.attended/outcome", "attendance"),
            Map.entry("referral.outcome.recorded/outcome", "referralOutcome"),
            Map.entry("referral.referral.closed/outcome", "referralOutcome"),
            Map.entry("community-payback.work.sent-home/reason", "sentHomeReason"),
            Map.entry("referral.referral.declined/reason", "declineReason"),
            Map.entry("referral.referral.closed/reason", "closedReason"),
            Map.entry("resettlement.prisoner.released/reason", "releaseReason"),
            Map.entry("resettlement.case.deallocated/reason", "deallocationReason"),
            Map.entry("need", "pathway"),
            Map.entry("pathway", "pathway"),
            Map.entry("status", "needStatus"),
            Map.entry("accommodationOnRelease", "accommodation"),
            Map.entry("eteOnRelease", "ete"),
            Map.entry("riskOfSeriousHarm", "risk"),
            Map.entry("sex", "sex"),
            Map.entry("projectType", "projectType"),
            Map.entry("stage", "stage"),
            Map.entry("changedFields", "field"));

    private final JsonMapper json;
    private final Words words = new Words();

    TemplateContext(JsonMapper json) {
        this.json = json;
    }

    /** The values for one notification, with words in the language of the template it is rendered with. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> of(String eventId, String eventType, JsonNode data, String recipientCode,
            String language) {
        Map<String, Object> context = new LinkedHashMap<>(json.treeToValue(data, Map.class));
        addCommon(context, eventId, eventType, recipientCode, language);
        if (context.get("changedFields") instanceof List<?> changed) {
            context.put("changed", changed.stream().map(String::valueOf)
                    .collect(Collectors.toMap(f -> f, f -> true, (a, b) -> a, LinkedHashMap::new)));
        }
        return context;
    }

    /** A value for every field the event type can carry: rendering it strictly finds placeholders nothing fills. */
    public Map<String, Object> sampleFor(EventType type) {
        Map<String, Object> context = sample(type.payloadType());
        addCommon(context, "00000000-0000-0000-0000-000000000000", type.type(), "CODE", Words.ENGLISH);
        if (context.containsKey("changedFields")) {
            Map<String, Object> changed = new LinkedHashMap<>();
            for (RecordComponent component : type.payloadType().getRecordComponents()) {
                changed.put(component.getName(), true);
            }
            context.put("changed", changed);
        }
        return context;
    }

    /** The words this service has for codes. */
    public Words words() {
        return words;
    }

    private void addCommon(Map<String, Object> context, String eventId, String eventType, String recipientCode,
            String language) {
        plainWords(context, eventType, language);
        context.put("eventId", eventId);
        context.put("eventType", eventType);
        context.put("recipientCode", recipientCode);
        names(context, language);
    }

    /** {@code <field>Text} beside each code field (in nested objects and lists of objects too), {@code *Hours}. */
    @SuppressWarnings("unchecked")
    private void plainWords(Map<String, Object> context, String eventType, String language) {
        for (String field : List.copyOf(context.keySet())) {
            Object value = context.get(field);
            String vocabulary = VOCABULARY.getOrDefault(eventType + "/" + field, VOCABULARY.get(field));
            if (value instanceof Map<?, ?> nested) {
                plainWords((Map<String, Object>) nested, eventType, language);
            } else if (value instanceof List<?> list) {
                if (vocabulary != null) {
                    context.put(field + "Text", list.stream()
                            .map(code -> words.of(language, vocabulary, String.valueOf(code)))
                            .collect(Collectors.joining(", ")));
                }
                list.stream().filter(Map.class::isInstance)
                        .forEach(element -> plainWords((Map<String, Object>) element, eventType, language));
            } else if (value instanceof String code && vocabulary != null) {
                context.put(field + "Text", words.of(language, vocabulary, code));
            } else if (value instanceof Number minutes && field.contains("inutes")) {
                context.put(field.replace("Minutes", "Hours").replaceFirst("^minutes", "hours"),
                        hours(minutes.intValue(), language));
            }
        }
    }

    private static String hours(int minutes, String language) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.forLanguageTag(language));
        format.setMaximumFractionDigits(2);
        format.setGroupingUsed(false);
        return format.format(minutes / 60.0);
    }

    /**
     * {@code prisonName} for {@code prisonCode}, {@code toPrisonName} for {@code toPrisonCode} and so on, from the
     * one list the producers use ({@link ReferenceData}). A prison that list does not have (a transfer out of the
     * resettlement estate) is "prison BMI" in the message's language; an area or provider code it does not have
     * stands for itself.
     */
    private void names(Map<String, Object> context, String language) {
        for (String field : List.copyOf(context.keySet())) {
            boolean prison = field.equals("prisonCode") || field.endsWith("PrisonCode");
            Function<String, Optional<String>> lookup = prison
                    ? code -> ReferenceData.prison(code).map(ReferenceData.Prison::name)
                    : field.equals("areaCode") ? code -> ReferenceData.area(code).map(ReferenceData.Area::name)
                    : field.equals("providerCode")
                            ? code -> ReferenceData.provider(code).map(ReferenceData.Provider::name) : null;
            if (lookup != null) {
                Object code = context.get(field);
                String name = code == null ? "" : lookup.apply(code.toString()).orElseGet(() -> prison
                        ? words.of(language, "unknown", "PRISON").replace("{code}", code.toString())
                        : code.toString());
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
