package uk.probation.gate.notifications.recipients;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import uk.probation.gate.contracts.reference.ReferenceData;
import uk.probation.gate.notifications.NotificationsProperties;
import uk.probation.gate.notifications.domain.RecipientKind;
import uk.probation.gate.platform.audit.AuditTrail;
import uk.probation.gate.platform.failure.RuleViolated;
import uk.probation.gate.platform.failure.Violation;
import uk.probation.gate.platform.paging.Page;

/**
 * Keeps contact details; logs codes only, and a person's entry (whose code is their CRN or prison number) not even
 * that. Every write is on the audit trail (who, which fields).
 */
@Service
public class RecipientDirectory implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(RecipientDirectory.class);
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    /** What an administrator sends; every field is checked before anything is stored. */
    public record Entry(String kind, String email, String language, String quietHours) {
    }

    /** Published once an entry is saved: whatever waits for this code can be sent now. */
    public record Registered(String code) {
    }

    private final MongoTemplate mongo;
    private final NotificationsProperties properties;
    private final Clock clock;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    /** The directory's collection (audit rows name it). */
    public static final String COLLECTION = "recipients";

    RecipientDirectory(MongoTemplate mongo, NotificationsProperties properties, Clock clock, AuditTrail audit,
            ApplicationEventPublisher events) {
        this.events = events;
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
        this.audit = audit;
    }

    public Optional<Recipient> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(mongo.findById(code, Recipient.class));
    }

    /** The directory by code, optionally of one kind, a page of it. */
    public Page<Recipient> list(RecipientKind kind, int page, int size) {
        Query query = kind == null ? new Query() : Query.query(where("kind").is(kind));
        long total = mongo.count(query, Recipient.class);
        query.with(Sort.by("_id")).skip((long) page * size).limit(size);
        return new Page<>(mongo.find(query, Recipient.class), page, size, total);
    }

    /** Creates or replaces the entry; 422 naming each wrong field, and then nothing changes. */
    public Recipient put(String code, Entry entry) {
        Recipient recipient = validated(code, entry);
        Recipient before = mongo.findById(code, Recipient.class);
        mongo.save(recipient);
        audit.record(COLLECTION, code, before == null ? "created" : "updated", changedFields(before, recipient));
        log.info("Recipient {} ({}) saved", logName(recipient), recipient.kind());
        events.publishEvent(new Registered(code));
        return recipient;
    }

    /** A person's directory entries (by their CRN or prison number), for a subject access request. */
    public List<Recipient> people(java.util.Collection<String> identifiers) {
        return mongo.find(Query.query(where("_id").in(identifiers).and("kind").is(RecipientKind.PERSON)),
                Recipient.class);
    }

    /** Deletes a person's own entry (by their CRN or prison number); false when there is none. */
    public boolean removePerson(String identifier) {
        boolean removed = mongo.remove(Query.query(where("_id").is(identifier).and("kind").is(RecipientKind.PERSON)),
                Recipient.class).getDeletedCount() > 0;
        if (removed) {
            audit.record(COLLECTION, identifier, "deleted", List.of());
        }
        return removed;
    }

    /** Codes of people's entries last changed before {@code cutoff}, at most {@code limit}. */
    public List<String> peopleUnchangedSince(java.time.Instant cutoff, int limit) {
        Query query = Query.query(where("kind").is(RecipientKind.PERSON).and("updatedAt").lt(cutoff)).limit(limit);
        query.fields().include("_id");
        return mongo.find(query, org.bson.Document.class, COLLECTION).stream().map(d -> d.getString("_id")).toList();
    }

    /** How logs name an entry: its code, except a person's (their CRN or prison number). */
    static String logName(Recipient recipient) {
        return recipient.kind() == RecipientKind.PERSON ? "of a person" : recipient.code();
    }

    /** The fields that differ (all that are set, for a new entry); {@code updatedAt} is not a change of its own. */
    static List<String> changedFields(Recipient before, Recipient after) {
        List<String> changed = new ArrayList<>();
        if (before == null || before.kind() != after.kind()) {
            changed.add("kind");
        }
        if (before == null || !java.util.Objects.equals(before.email(), after.email())) {
            changed.add("email");
        }
        if (before == null || !java.util.Objects.equals(before.language(), after.language())) {
            changed.add("language");
        }
        if (before == null ? after.quietHours() != null
                : !java.util.Objects.equals(before.quietHours(), after.quietHours())) {
            changed.add("quietHours");
        }
        return changed;
    }

    private Recipient validated(String code, Entry entry) {
        List<Violation> errors = new ArrayList<>();
        if (code == null || !CODE.matcher(code).matches()) {
            errors.add(new Violation("code", "letters, digits, '-' or '_', at most 40"));
        }
        RecipientKind kind = null;
        try {
            kind = entry.kind() == null ? null : RecipientKind.valueOf(entry.kind());
        } catch (IllegalArgumentException e) {
            kind = null;
        }
        if (kind == null) {
            errors.add(new Violation("kind",
                    "one of RESPONSIBLE_OFFICER, PROVIDER, PERSON, VOLUNTEER_SERVICE"));
        }
        if (entry.email() == null || !EMAIL.matcher(entry.email()).matches()) {
            errors.add(new Violation("email", "an e-mail address"));
        }
        if (entry.language() == null || !LANGUAGE.matcher(entry.language()).matches()) {
            errors.add(new Violation("language", "an ISO 639 language code, e.g. en, cy, pl"));
        }
        String quietHours = entry.quietHours() == null || entry.quietHours().isBlank() ? null : entry.quietHours();
        if (quietHours != null) {
            try {
                Recipient.parseQuietHours(quietHours);
            } catch (RuntimeException e) {
                errors.add(new Violation("quietHours", "HH:mm-HH:mm with a different start and end"));
            }
        }
        if (!errors.isEmpty()) {
            throw new RuleViolated("The recipient is not valid", errors);
        }
        return new Recipient(code, kind, entry.email(), entry.language(), quietHours, clock.instant());
    }

    /**
     * Seeds configured entries that are not there yet, then one for every provider the producers know
     * ({@code ReferenceData}) that the configuration does not name; an administrator's later edits win.
     */
    @Override
    public void afterPropertiesSet() {
        List<NotificationsProperties.SeedRecipient> seeds = new ArrayList<>(properties.recipients());
        NotificationsProperties.ProviderRecipients providers = properties.providerRecipients();
        if (providers.seed()) {
            Set<String> named = seeds.stream().map(NotificationsProperties.SeedRecipient::code)
                    .collect(Collectors.toSet());
            ReferenceData.PROVIDERS.stream().filter(p -> !named.contains(p.code()))
                    .map(p -> new NotificationsProperties.SeedRecipient(p.code(), RecipientKind.PROVIDER,
                            providers.emailFor(p.code()), providers.language(), null))
                    .forEach(seeds::add);
        }
        MDC.put(AuditTrail.CAUSE, "seed");
        try {
            for (NotificationsProperties.SeedRecipient seed : seeds) {
                Recipient recipient = validated(seed.code(), new Entry(seed.kind() == null ? null : seed.kind().name(),
                        seed.email(), seed.language(), seed.quietHours()));
                try {
                    mongo.insert(recipient);
                    audit.record(COLLECTION, recipient.code(), "created", changedFields(null, recipient));
                    log.info("Recipient {} seeded", logName(recipient));
                } catch (DuplicateKeyException alreadyThere) {
                    log.debug("Recipient {} already in the directory", logName(recipient));
                }
            }
        } finally {
            MDC.remove(AuditTrail.CAUSE);
        }
    }
}
