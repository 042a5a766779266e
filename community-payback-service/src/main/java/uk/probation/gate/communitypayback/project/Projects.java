package uk.probation.gate.communitypayback.project;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import uk.probation.gate.communitypayback.Reach;
import uk.probation.gate.communitypayback.domain.ProjectType;
import uk.probation.gate.platform.audit.AuditTrail;
import uk.probation.gate.platform.failure.NotFound;
import uk.probation.gate.platform.failure.Conflict;
import uk.probation.gate.platform.failure.RuleViolated;
import uk.probation.gate.platform.failure.Violation;

/** The projects coordinators have sourced. The code is the key, so the same project twice is a conflict. */
@Service
public class Projects {

    /** The fields a new project is created with, named on its audit row. */
    private static final List<String> FIELDS = List.of("areaCode", "createdAt", "ete", "name", "partner", "type");

    private final MongoTemplate mongo;
    private final Clock clock;
    private final AuditTrail audit;

    Projects(MongoTemplate mongo, Clock clock, AuditTrail audit) {
        this.mongo = mongo;
        this.clock = clock;
        this.audit = audit;
    }

    /** A coordinator sources projects only in its own areas (else 403 naming areaCode). */
    public Project create(String code, String name, String areaCode, ProjectType type, String partner, boolean ete) {
        Reach.refuseOutside(areaCode);
        if (type == ProjectType.INDIVIDUAL && (partner == null || partner.isBlank())) {
            throw new RuleViolated("An individual placement is with a partner organisation",
                    List.of(new Violation("partner", "is required for an INDIVIDUAL placement")));
        }
        if (mongo.findById(code, Project.class) != null) {
            throw new Conflict("Project " + code + " already exists");
        }
        Project created = mongo.insert(new Project(code, name, areaCode, type, partner, ete, clock.instant()));
        // projects are not an aggregate: the write is recorded here (ADR 0009)
        audit.record("projects", created.code(), "created",
                partner == null ? FIELDS.stream().filter(f -> !f.equals("partner")).toList() : FIELDS);
        return created;
    }

    /** The project, or null when there is none or it is outside the caller's areas. */
    public Project find(String code) {
        Project found = mongo.findById(code, Project.class);
        return found == null || !Reach.area(found.areaCode()) ? null : found;
    }

    /** Projects by code, whatever the caller's reach (names for the sessions the caller already reaches). */
    public Map<String, Project> byCodes(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        return mongo.find(query(where("_id").in(codes)), Project.class).stream()
                .collect(Collectors.toMap(Project::code, p -> p));
    }

    public Project get(String code) {
        Project found = find(code);
        if (found == null) {
            throw new NotFound("Project " + code);
        }
        return found;
    }

    /**
     * Projects in the caller's areas, by code.
     *
     * @param types only projects of these types (null: any), e.g. the types an order may be placed on
     */
    public List<Project> list(String areaCode, Set<ProjectType> types, int page, int size) {
        return mongo.find(filter(areaCode, types).with(Sort.by("_id")).skip((long) page * size).limit(size),
                Project.class);
    }

    public long count(String areaCode, Set<ProjectType> types) {
        return mongo.count(filter(areaCode, types), Project.class);
    }

    private static Query filter(String areaCode, Set<ProjectType> types) {
        List<Criteria> all = new ArrayList<>();
        Set<String> reach = Reach.areaFilter();
        if (reach != null) {
            all.add(where("areaCode").in(reach));
        }
        if (areaCode != null) {
            all.add(where("areaCode").is(areaCode));
        }
        if (types != null) {
            all.add(where("type").in(types));
        }
        return all.isEmpty() ? new Query() : new Query(new Criteria().andOperator(all));
    }
}
