package uk.probation.gate.web.dataprotection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import uk.probation.gate.web.api.Service;
import uk.probation.gate.web.pages.Words;

/**
 * A combined subject access report as the page shows it, read from its JSON
 * ({@code {person:{prn,crn}, fromDate, toDate, generatedAt, services:{<name>:{status, content}}}}): a summary row per
 * service, then each service's collections, each record a summary card whose nested values are nested lists.
 */
final class SubjectAccessReport {

    /** {@code status} in the JSON: what each service answered. */
    static final String HOLDS_RECORDS = "HOLDS_RECORDS";
    static final String NOTHING_HELD = "NOTHING_HELD";
    static final String IDENTIFIER_TYPE_NOT_HELD = "IDENTIFIER_TYPE_NOT_HELD";
    static final String REFUSED = "REFUSED";
    static final String DID_NOT_ANSWER = "DID_NOT_ANSWER";

    /** A service's line in the summary table. */
    public record Summary(String id, String label, String status, String answer, String tagClass, int records) {
    }

    /** A field of a record: plain text, or nested fields (an object), or a list of nested records. */
    public record Field(String key, String text, List<Field> fields, List<List<Field>> items) {
    }

    public record Record(String title, List<Field> fields) {
    }

    public record Collection(String id, String title, List<Record> records) {
    }

    public record Section(String id, String label, List<Collection> collections) {
    }

    public record View(String prn, String crn, String period, String generatedAt, List<Summary> summary,
            List<Section> sections, boolean allRefused) {
    }

    private SubjectAccessReport() {
    }

    static View view(JsonNode report, Words words) {
        String prn = text(report.path("person").get("prn"));
        String crn = text(report.path("person").get("crn"));
        LocalDate from = date(text(report.get("fromDate")));
        LocalDate to = date(text(report.get("toDate")));
        String period = from == null && to == null ? "All dates"
                : from == null ? "Up to " + words.date(to)
                : to == null ? "From " + words.date(from) : "From " + words.date(from) + " to " + words.date(to);
        Instant generated = instant(text(report.get("generatedAt")));
        List<Summary> summary = new ArrayList<>();
        List<Section> sections = new ArrayList<>();
        int refused = 0;
        for (Service service : Service.values()) {
            JsonNode answer = report.path("services").path(service.id());
            String status = text(answer.get("status"));
            JsonNode content = answer.get("content");
            int records = 0;
            List<Collection> collections = new ArrayList<>();
            if (content != null && content.isObject()) {
                for (Map.Entry<String, JsonNode> collection : content.properties()) {
                    List<Record> list = new ArrayList<>();
                    JsonNode items = collection.getValue();
                    String singular = capitalise(singular(keyInWords(collection.getKey())));
                    if (items.isArray()) {
                        int n = 0;
                        for (JsonNode item : items) {
                            n++;
                            list.add(new Record(singular + " " + recordName(item, n), fields(item, words)));
                        }
                    } else {
                        list.add(new Record(singular, fields(items, words)));
                    }
                    records += list.size();
                    collections.add(new Collection(service.id() + "-" + collection.getKey().replaceAll("[^A-Za-z0-9]+", "-"),
                            capitalise(keyInWords(collection.getKey())), list));
                }
                sections.add(new Section(service.id() + "-content", service.label(), collections));
            }
            if (REFUSED.equals(status)) {
                refused++;
            }
            summary.add(new Summary(service.id(), service.label(), status, answer(status, records,
                    collections.size()), tag(status), records));
        }
        return new View(prn, crn, period, generated == null ? "" : words.when(generated), summary, sections,
                refused == Service.values().length);
    }

    private static String answer(String status, int records, int collections) {
        if (status == null) {
            return "Not asked";
        }
        return switch (status) {
            case HOLDS_RECORDS -> "Holds records: " + records + (records == 1 ? " record" : " records") + " in "
                    + collections + (collections == 1 ? " collection" : " collections");
            case NOTHING_HELD -> "Holds nothing about this person";
            case IDENTIFIER_TYPE_NOT_HELD -> "Does not hold that identifier type";
            case REFUSED -> "Refused: your account does not have subject access (SAR_DATA_ACCESS)";
            default -> "Did not answer: try again later";
        };
    }

    private static String tag(String status) {
        if (status == null) {
            return "govuk-tag--grey";
        }
        return switch (status) {
            case HOLDS_RECORDS -> "govuk-tag--blue";
            case NOTHING_HELD, IDENTIFIER_TYPE_NOT_HELD -> "govuk-tag--grey";
            default -> "govuk-tag--red";
        };
    }

    /** A record's own id when it has one ("Case 6650…"), else its number in the list. */
    private static String recordName(JsonNode item, int n) {
        if (item.isObject()) {
            for (String key : List.of("id", "_id", "caseId", "orderId", "referralId", "messageId", "deliveryId")) {
                JsonNode id = item.get(key);
                if (id != null && id.isValueNode() && !id.isNull()) {
                    return id.asString();
                }
            }
        }
        return String.valueOf(n);
    }

    static List<Field> fields(JsonNode node, Words words) {
        List<Field> fields = new ArrayList<>();
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                fields.add(field(capitalise(keyInWords(member.getKey())), member.getValue(), words));
            }
        } else {
            fields.add(field("Value", node, words));
        }
        return fields;
    }

    private static Field field(String key, JsonNode value, Words words) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return new Field(key, "Not recorded", null, null);
        }
        if (value.isObject()) {
            return value.isEmpty() ? new Field(key, "None", null, null) : new Field(key, null, fields(value, words), null);
        }
        if (value.isArray()) {
            if (value.isEmpty()) {
                return new Field(key, "None", null, null);
            }
            boolean simple = true;
            for (JsonNode item : value) {
                simple &= item.isValueNode() || item.isNull();
            }
            if (simple) {
                List<String> texts = new ArrayList<>();
                value.forEach(item -> texts.add(scalar(item, words)));
                return new Field(key, String.join(", ", texts), null, null);
            }
            List<List<Field>> items = new ArrayList<>();
            value.forEach(item -> items.add(fields(item, words)));
            return new Field(key, null, null, items);
        }
        return new Field(key, scalar(value, words), null, null);
    }

    /** A value as a person reads it: dates and times in words (UK time), true/false Yes/No, CODES_LIKE_THIS as words. */
    static String scalar(JsonNode value, Words words) {
        if (value == null || value.isNull()) {
            return "Not recorded";
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? "Yes" : "No";
        }
        String text = value.asString();
        if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            LocalDate date = date(text);
            return date == null ? text : words.date(date);
        }
        if (text.matches("\\d{4}-\\d{2}-\\d{2}T.*")) {
            Instant at = instant(text);
            return at == null ? text : words.when(at);
        }
        if (text.matches("[A-Z][A-Z0-9]*(_[A-Z0-9]+)+") || text.matches("[A-Z]{4,}")) {
            return Words.plain(text);
        }
        return text;
    }

    /** {@code releaseDate} "release date", {@code outbox_items} "outbox items", {@code _id} "id". */
    static String keyInWords(String key) {
        String spaced = key.replaceAll("^_+", "").replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("[_\\-.]+", " ")
                .trim();
        return spaced.isEmpty() ? key : spaced.toLowerCase(Locale.UK).replaceAll("\\bcrn\\b", "CRN")
                .replaceAll("\\bprn\\b", "PRN");
    }

    private static String singular(String noun) {
        if (noun.endsWith("people")) {
            return noun.substring(0, noun.length() - 6) + "person";
        }
        if (noun.endsWith("ies")) {
            return noun.substring(0, noun.length() - 3) + "y";
        }
        return noun.endsWith("s") && !noun.endsWith("ss") ? noun.substring(0, noun.length() - 1) : noun;
    }

    static String capitalise(String text) {
        return text == null || text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asString();
    }

    private static LocalDate date(String text) {
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }
}
