package uk.probation.gate.notifications.templates;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import uk.probation.gate.contracts.EventType;
import uk.probation.gate.notifications.NotificationsProperties;
import uk.probation.gate.notifications.domain.LanguageChoice;
import uk.probation.gate.platform.audit.AuditTrail;
import uk.probation.gate.platform.failure.RuleViolated;
import uk.probation.gate.platform.failure.Violation;

/**
 * Templates per event type and language: seeded from {@code notification-templates/<id>.mustache} (first line the
 * subject, then a blank line, then the body) when absent, edited through the API. A template may only use what its
 * event type can fill; anything else is refused when it is saved.
 */
@Service
public class TemplateLibrary implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(TemplateLibrary.class);
    private static final Pattern ID = Pattern.compile("([a-z0-9-]+(?:\\.[a-z0-9-]+)+)\\.([a-z]{2,3})");

    /** A rendered message. */
    public record Message(String subject, String body) {
    }

    /** What an administrator sends for a template. */
    public record Text(String subject, String body) {
    }

    private final MongoTemplate mongo;
    private final TemplateContext context;
    private final Clock clock;
    private final String fallbackLanguage;
    private final AuditTrail audit;
    /** The templates' collection (audit rows name it). */
    public static final String COLLECTION = "templates";
    static final Mustache.Compiler STRICT = Mustache.compiler().strictSections(true).escapeHTML(false);
    private static final Mustache.Compiler LENIENT = Mustache.compiler().defaultValue("").escapeHTML(false);

    /** A template as shipped in {@code notification-templates/<id>.mustache}. */
    record Shipped(String id, Text text) {
    }

    TemplateLibrary(MongoTemplate mongo, TemplateContext context, Clock clock, NotificationsProperties properties,
            AuditTrail audit) {
        this.audit = audit;
        this.mongo = mongo;
        this.context = context;
        this.clock = clock;
        this.fallbackLanguage = properties.defaultLanguage();
    }

    public List<MessageTemplate> all() {
        return mongo.find(new Query().with(Sort.by("_id")), MessageTemplate.class);
    }

    public Optional<MessageTemplate> find(String id) {
        return Optional.ofNullable(mongo.findById(id, MessageTemplate.class));
    }

    /** The template for {@code name} in the language wanted, else in the fallback language; empty if neither. */
    public Optional<Chosen> choose(String name, String language) {
        Set<String> languages = mongo.find(Query.query(where("name").is(name)), MessageTemplate.class).stream()
                .map(MessageTemplate::language).collect(Collectors.toSet());
        LanguageChoice choice = LanguageChoice.of(language, languages, fallbackLanguage);
        return find(MessageTemplate.idOf(name, choice.used())).map(t -> new Chosen(t, choice));
    }

    public record Chosen(MessageTemplate template, LanguageChoice language) {
    }

    public Message render(MessageTemplate template, Map<String, Object> values) {
        return render(template.subject(), template.body(), values);
    }

    /** What is missing renders as nothing, a missing section as false. */
    static Message render(String subject, String body, Map<String, Object> values) {
        return new Message(LENIENT.compile(subject).execute(values).strip(), LENIENT.compile(body).execute(values));
    }

    /** Creates or replaces a template; 422 naming the field when the id, subject or body is not usable. */
    public MessageTemplate put(String id, Text text) {
        MessageTemplate template = validated(id, text);
        MessageTemplate before = mongo.findById(id, MessageTemplate.class);
        mongo.save(template);
        audit.record(COLLECTION, id, before == null ? "created" : "updated", changedFields(before, template));
        log.info("Template {} saved", id);
        return template;
    }

    /** Which of subject and body differ (both, for a new template). */
    static List<String> changedFields(MessageTemplate before, MessageTemplate after) {
        List<String> changed = new ArrayList<>();
        if (before == null || !before.subject().equals(after.subject())) {
            changed.add("subject");
        }
        if (before == null || !before.body().equals(after.body())) {
            changed.add("body");
        }
        return changed;
    }

    private MessageTemplate validated(String id, Text text) {
        List<Violation> errors = new ArrayList<>();
        Matcher matcher = id == null ? null : ID.matcher(id);
        EventType eventType = null;
        if (matcher == null || !matcher.matches()) {
            errors.add(new Violation("id", "<event type>[.<audience>].<language>, e.g. "
                    + "community-payback.work.sent-home.person.cy"));
        } else {
            eventType = eventTypeOf(matcher.group(1)).orElse(null);
            if (eventType == null) {
                errors.add(new Violation("id", "must start with a known event type"));
            }
        }
        check("subject", text.subject(), eventType, errors);
        check("body", text.body(), eventType, errors);
        if (!errors.isEmpty()) {
            throw new RuleViolated("The template is not valid", errors);
        }
        return new MessageTemplate(id, matcher.group(1), matcher.group(2), eventType.type(), text.subject().strip(),
                text.body(), clock.instant());
    }

    private void check(String field, String text, EventType eventType, List<Violation> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new Violation(field, "must not be blank"));
            return;
        }
        if (eventType == null) {
            return;
        }
        try {
            STRICT.compile(text).execute(context.sampleFor(eventType));
        } catch (MustacheException.Context missing) {
            errors.add(new Violation(field, "{{" + missing.key + "}} (line " + missing.lineNo
                    + ") is not something a " + eventType.type() + " event carries"));
        } catch (MustacheException unreadable) {
            errors.add(new Violation(field, "not a Mustache template: " + unreadable.getMessage()));
        }
    }

    /** The longest event type the template name starts with. */
    static Optional<EventType> eventTypeOf(String name) {
        return Arrays.stream(EventType.values())
                .filter(t -> name.equals(t.type()) || name.startsWith(t.type() + "."))
                .max(Comparator.comparingInt(t -> t.type().length()));
    }

    /**
     * Seeds each shipped template that is absent. One that is present as an earlier shipped version (never edited by
     * an administrator: its text is in {@code shipped-versions.txt}) is brought up to the version shipped now; one an
     * administrator edited is left alone.
     */
    @Override
    public void afterPropertiesSet() {
        MDC.put(AuditTrail.CAUSE, "seed");
        try {
            seed();
        } finally {
            MDC.remove(AuditTrail.CAUSE);
        }
    }

    private void seed() {
        Set<String> shippedVersions = shippedVersions();
        for (Shipped shipped : shipped()) {
            MessageTemplate template = validated(shipped.id(), shipped.text());
            MessageTemplate stored = mongo.findById(shipped.id(), MessageTemplate.class);
            if (stored == null) {
                try {
                    mongo.insert(template);
                    audit.record(COLLECTION, template.id(), "created", changedFields(null, template));
                    log.info("Template {} seeded", shipped.id());
                } catch (DuplicateKeyException alreadyThere) {
                    log.debug("Template {} already present", shipped.id());
                }
            } else if (!version(stored.id(), stored.subject(), stored.body())
                    .equals(version(template.id(), template.subject(), template.body()))
                    && shippedVersions.contains(version(stored.id(), stored.subject(), stored.body()))) {
                mongo.save(template);
                audit.record(COLLECTION, template.id(), "updated", changedFields(stored, template));
                log.info("Template {} brought up to the version shipped now (it was an earlier one, not edited)",
                        shipped.id());
            } else {
                log.debug("Template {} already present", shipped.id());
            }
        }
    }

    /** {@code <id> <SHA-256 of subject, blank line, body>}: one shipped version of a template. */
    static String version(String id, String subject, String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((subject.strip() + "\n\n" + body).getBytes(StandardCharsets.UTF_8));
            return id + " " + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every version of a template ever shipped, as {@link #version} lines. */
    static Set<String> shippedVersions() {
        try {
            return new PathMatchingResourcePatternResolver().getResource(
                    "classpath:notification-templates/shipped-versions.txt").getContentAsString(StandardCharsets.UTF_8)
                    .lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every template shipped on the classpath: the first line the subject, then a blank line, then the body. */
    static List<Shipped> shipped() {
        Resource[] resources;
        try {
            resources = new PathMatchingResourcePatternResolver().getResources(
                    "classpath*:notification-templates/*.mustache");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Shipped> shipped = new ArrayList<>();
        for (Resource resource : resources) {
            String id = resource.getFilename().substring(0, resource.getFilename().length() - ".mustache".length());
            String content;
            try {
                content = resource.getContentAsString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            int split = content.indexOf("\n\n");
            shipped.add(new Shipped(id, new Text(content.substring(0, split), content.substring(split + 2))));
        }
        return shipped;
    }
}
