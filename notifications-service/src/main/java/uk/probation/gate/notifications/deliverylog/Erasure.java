package uk.probation.gate.notifications.deliverylog;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import uk.probation.gate.contracts.EventType;
import uk.probation.gate.notifications.recipients.RecipientDirectory;

/**
 * When an owner erases a case, an order or a referral ({@code resettlement.case.erased},
 * {@code community-payback.order.erased}, {@code referral.referral.erased}), this service deletes what it keeps about
 * it: every delivery-log entry about it (a case's include those about referrals made from it) with anything still
 * queued, and the person's own directory entry when no entry left names the person. Nothing is sent. Safe to repeat.
 */
@Service
public class Erasure {

    private static final Logger log = LoggerFactory.getLogger(Erasure.class);

    /** Which field of the erased event names what was erased, and the log field holding it. */
    private static final Map<EventType, String> ERASED = Map.of(
            EventType.RESETTLEMENT_CASE_ERASED, "caseId",
            EventType.COMMUNITY_PAYBACK_ORDER_ERASED, "orderId",
            EventType.REFERRAL_ERASED, "referralId");

    private final NotificationStore records;
    private final RecipientDirectory directory;

    Erasure(NotificationStore records, RecipientDirectory directory) {
        this.records = records;
        this.directory = directory;
    }

    /** The event types that erase (they never notify anyone). */
    public static Set<EventType> types() {
        return ERASED.keySet();
    }

    /**
     * Deletes everything about the case, order or referral {@code erasedId} that {@code type} erased; {@code people}
     * are the person's identifiers the event carries (their directory entry goes when nothing else names them).
     */
    public void erase(EventType type, String erasedId, Set<String> people) {
        String field = ERASED.get(type);
        if (field == null) {
            throw new IllegalArgumentException(type.type() + " does not erase anything");
        }
        Set<String> named = new LinkedHashSet<>(people);
        named.addAll(records.deleteAbout(field, erasedId));
        int recipients = 0;
        for (String identifier : named) {
            if (!records.namesAnyone(identifier) && directory.removePerson(identifier)) {
                recipients++;
            }
        }
        log.info("Erased what this service kept about {} {}{}", field.substring(0, field.length() - 2), erasedId,
                recipients > 0 ? " and the person's directory entry" : "");
    }

    /** The erased event's id field and the person's identifiers it carries. */
    public static Erased read(EventType type, Map<String, List<String>> fields) {
        String field = ERASED.get(type);
        List<String> id = fields.get(field);
        Set<String> people = new LinkedHashSet<>();
        for (String path : List.of("prisonNumber", "crn", "personReference.prisonNumber", "personReference.crn")) {
            List<String> values = fields.get(path);
            if (values != null && values.size() == 1 && !values.get(0).isBlank()) {
                people.add(values.get(0));
            }
        }
        return new Erased(id == null || id.size() != 1 || id.get(0).isBlank() ? null : id.get(0), people);
    }

    public record Erased(String id, Set<String> people) {
    }
}
