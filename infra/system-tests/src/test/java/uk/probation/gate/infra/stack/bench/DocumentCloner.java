package uk.probation.gate.infra.stack.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Copies one template person's documents as another person: the prison number and CRN replaced wherever they
 * appear, every UUID (case, referral, event ids) and every other identity string replaced by a fresh one (the same
 * fresh one across the person's documents, so references between them hold), the prison or area moved, and every
 * date moved back by the same number of days (historical people were received, planned and released long ago).
 */
final class DocumentCloner {

    private static final Pattern UUID_PATTERN = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern DATE = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})$");
    private static final Pattern INSTANT = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z$");

    private final Bundle template;
    private final String prisonNumber;
    private final String crn;
    private final String prisonCode;
    private final String areaCode;
    private final long daysBack;
    private final String suffix;
    private final Map<String, String> fresh = new HashMap<>();

    DocumentCloner(Bundle template, String prisonNumber, String crn, String prisonCode, String areaCode, long daysBack,
            String suffix) {
        this.template = template;
        this.prisonNumber = prisonNumber;
        this.crn = crn;
        this.prisonCode = prisonCode;
        this.areaCode = areaCode;
        this.daysBack = daysBack;
        this.suffix = suffix;
    }

    Document copy(Document original) {
        Document copy = (Document) value(null, original);
        Object id = original.get("_id");
        if (id instanceof ObjectId) {
            copy.put("_id", new ObjectId());
        } else if (id != null && id.equals(copy.get("_id"))) {
            copy.put("_id", id + "-" + suffix);
        }
        return copy;
    }

    private Object value(String key, Object value) {
        if (value instanceof Document document) {
            Document out = new Document();
            document.forEach((k, v) -> out.put(k, value(k, v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(value(key, v)));
            return out;
        }
        if (value instanceof Date date) {
            return Date.from(date.toInstant().minus(daysBack, ChronoUnit.DAYS));
        }
        if (value instanceof String text) {
            return string(key, text);
        }
        return value;
    }

    private String string(String key, String text) {
        if ("prisonCode".equals(key) && text.equals(template.prisonCode()) && prisonCode != null) {
            return prisonCode;
        }
        if ("areaCode".equals(key) && text.equals(template.areaCode()) && areaCode != null) {
            return areaCode;
        }
        if ("sex".equals(key) && "FHI".equals(prisonCode)) {
            return "FEMALE";
        }
        if (template.identities().contains(text) && !UUID_PATTERN.matcher(text).find()
                && !text.equals(template.prisonNumber()) && !text.equals(template.crn())) {
            return fresh.computeIfAbsent(text, t -> t + "-" + suffix);
        }
        String out = text;
        if (template.prisonNumber() != null && prisonNumber != null) {
            out = out.replace(template.prisonNumber(), prisonNumber);
        }
        if (template.crn() != null && crn != null) {
            out = out.replace(template.crn(), crn);
        }
        Matcher uuids = UUID_PATTERN.matcher(out);
        if (uuids.find()) {
            StringBuilder replaced = new StringBuilder();
            uuids.reset();
            while (uuids.find()) {
                uuids.appendReplacement(replaced, fresh.computeIfAbsent(uuids.group(), u -> UUID.randomUUID().toString()));
            }
            uuids.appendTail(replaced);
            out = replaced.toString();
        }
        if (daysBack > 0 && DATE.matcher(out).matches()) {
            return LocalDate.parse(out).minusDays(daysBack).toString();
        }
        if (daysBack > 0 && INSTANT.matcher(out).matches()) {
            return Instant.parse(out).minus(daysBack, ChronoUnit.DAYS).toString();
        }
        return out;
    }
}
