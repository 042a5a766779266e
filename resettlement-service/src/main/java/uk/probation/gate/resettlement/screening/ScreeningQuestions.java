package uk.probation.gate.resettlement.screening;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.probation.gate.platform.audit.AuditTrail;
import uk.probation.gate.platform.failure.NotFound;
import uk.probation.gate.platform.failure.Conflict;
import uk.probation.gate.platform.failure.RuleViolated;
import uk.probation.gate.platform.failure.Violation;
import uk.probation.gate.resettlement.domain.Question;
import uk.probation.gate.resettlement.domain.ScreeningAnswers;
import uk.probation.gate.resettlement.domain.ScreeningStage;

/**
 * The screening questions per stage as versioned data: version 1 of each seeded from
 * {@code screening-questions/<stage>.json}; ADMIN publishes a new version; published versions never change, so an
 * answer stays readable with the question it answered.
 */
@Service
public class ScreeningQuestions {

    static final String COLLECTION = "screening_questions";
    /** What a published version holds (its fields), as named on its audit row. */
    private static final List<String> FIELDS = List.of("publishedAt", "questions", "stage", "version");

    private final MongoTemplate mongo;
    private final JsonMapper json;
    private final Clock clock;
    private final AuditTrail audit;

    ScreeningQuestions(MongoTemplate mongo, JsonMapper json, Clock clock, AuditTrail audit) {
        this.mongo = mongo;
        this.json = json;
        this.clock = clock;
        this.audit = audit;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        for (ScreeningStage stage : ScreeningStage.values()) {
            if (mongo.findById(QuestionSet.id(stage, 1), QuestionSet.class) == null) {
                try {
                    mongo.insert(new QuestionSet(QuestionSet.id(stage, 1), stage, 1, clock.instant(), seeded(stage)));
                    audit.record(COLLECTION, QuestionSet.id(stage, 1), "created", FIELDS);
                } catch (DuplicateKeyException seededMeanwhile) {
                    // another instance seeded it first: the same resource, so the same questions
                }
            }
        }
    }

    private List<Question> seeded(ScreeningStage stage) {
        ClassPathResource resource = new ClassPathResource("screening-questions/" + stage + ".json");
        try (InputStream in = resource.getInputStream()) {
            JsonNode root = json.readTree(in);
            return List.of(json.treeToValue(root.get("questions"), Question[].class));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    /** The current (latest) version of the stage's questions. */
    public QuestionSet current(ScreeningStage stage) {
        QuestionSet found = mongo.findOne(query(where("stage").is(stage))
                .with(Sort.by(Sort.Direction.DESC, "version")).limit(1), QuestionSet.class);
        if (found == null) {
            seed();
            return mongo.findById(QuestionSet.id(stage, 1), QuestionSet.class);
        }
        return found;
    }

    public QuestionSet version(ScreeningStage stage, int version) {
        QuestionSet found = mongo.findById(QuestionSet.id(stage, version), QuestionSet.class);
        if (found == null) {
            throw new NotFound("Version " + version + " of the " + stage + " questions");
        }
        return found;
    }

    /** Publishes the next version; the previous ones stay as they were. */
    public QuestionSet publish(ScreeningStage stage, List<Question> questions) {
        List<ScreeningAnswers.Problem> problems = ScreeningAnswers.checkQuestions(questions);
        if (!problems.isEmpty()) {
            throw new RuleViolated("The questions cannot be published", problems.stream()
                    .map(p -> new Violation(p.field(), p.message())).toList());
        }
        int next = current(stage).version() + 1;
        QuestionSet published = new QuestionSet(QuestionSet.id(stage, next), stage, next, clock.instant(),
                List.copyOf(questions));
        try {
            QuestionSet inserted = mongo.insert(published);
            audit.record(COLLECTION, inserted.id(), "created", FIELDS);
            return inserted;
        } catch (DuplicateKeyException concurrent) {
            throw new Conflict("Version " + next + " of the " + stage
                    + " questions was published meanwhile; reload and publish again");
        }
    }

    /**
     * The questions the caller answered, which must be the current version: 422 naming {@code questionsVersion}
     * otherwise.
     */
    public QuestionSet answering(ScreeningStage stage, Integer questionsVersion) {
        QuestionSet current = current(stage);
        if (questionsVersion == null || questionsVersion != current.version()) {
            throw new RuleViolated("The answers are not to the current questions", List.of(
                    new Violation("questionsVersion", "must be the current version, "
                            + current.version())));
        }
        return current;
    }
}
