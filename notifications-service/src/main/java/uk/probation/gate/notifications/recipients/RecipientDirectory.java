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
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import uk.probation.gate.contracts.reference.ReferenceData;
import uk.probation.gate.notifications.NotificationsProperties;
import uk.probation.gate.notifications.domain.RecipientKind;
import uk.probation.gate.platform.web.ApiProblem;
import uk.probation.gate.platform.web.PageResponse;

/** Keeps contact details; logs codes only. */
@Service
public class RecipientDirectory implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(RecipientDirectory.class);
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    /** What an administrator sends; every field is checked before anything is stored. */
    public record Entry(String kind, String email, String language, String quietHours) {
    }

    private final MongoTemplate mongo;
    private final NotificationsProperties properties;
    private final Clock clock;

    RecipientDirectory(MongoTemplate mongo, NotificationsProperties properties, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    public Optional<Recipient> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(mongo.findById(code, Recipient.class));
    }

    /** The directory by code, optionally of one kind, a page of it. */
    public PageResponse<Recipient> list(RecipientKind kind, int page, int size) {
        Query query = kind == null ? new Query() : Query.query(where("kind").is(kind));
        long total = mongo.count(query, Recipient.class);
        query.with(Sort.by("_id")).skip((long) page * size).limit(size);
        return new PageResponse<>(mongo.find(query, Recipient.class), page, size, total);
    }

    /** Creates or replaces the entry; 422 naming each wrong field, and then nothing changes. */
    public Recipient put(String code, Entry entry) {
        Recipient recipient = validated(code, entry);
        mongo.save(recipient);
        log.info("Recipient {} ({}) saved", code, recipient.kind());
        return recipient;
    }

    private Recipient validated(String code, Entry entry) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        if (code == null || !CODE.matcher(code).matches()) {
            errors.add(new ApiProblem.FieldError("code", "letters, digits, '-' or '_', at most 40"));
        }
        RecipientKind kind = null;
        try {
            kind = entry.kind() == null ? null : RecipientKind.valueOf(entry.kind());
        } catch (IllegalArgumentException e) {
            kind = null;
        }
        if (kind == null) {
            errors.add(new ApiProblem.FieldError("kind",
                    "one of RESPONSIBLE_OFFICER, PROVIDER, PERSON, VOLUNTEER_SERVICE"));
        }
        if (entry.email() == null || !EMAIL.matcher(entry.email()).matches()) {
            errors.add(new ApiProblem.FieldError("email", "an e-mail address"));
        }
        if (entry.language() == null || !LANGUAGE.matcher(entry.language()).matches()) {
            errors.add(new ApiProblem.FieldError("language", "an ISO 639 language code, e.g. en, cy, pl"));
        }
        String quietHours = entry.quietHours() == null || entry.quietHours().isBlank() ? null : entry.quietHours();
        if (quietHours != null) {
            try {
                Recipient.parseQuietHours(quietHours);
            } catch (RuntimeException e) {
                errors.add(new ApiProblem.FieldError("quietHours", "HH:mm-HH:mm with a different start and end"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.unprocessable("The recipient is not valid", errors);
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
        for (NotificationsProperties.SeedRecipient seed : seeds) {
            Recipient recipient = validated(seed.code(), new Entry(seed.kind() == null ? null : seed.kind().name(),
                    seed.email(), seed.language(), seed.quietHours()));
            try {
                mongo.insert(recipient);
                log.info("Recipient {} seeded", seed.code());
            } catch (DuplicateKeyException alreadyThere) {
                log.debug("Recipient {} already in the directory", seed.code());
            }
        }
    }
}
