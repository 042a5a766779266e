package uk.probation.gate.communitypayback.project;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import uk.probation.gate.communitypayback.domain.ProjectType;
import uk.probation.gate.platform.web.ApiProblem;

/** The projects coordinators have sourced. The code is the key, so the same project twice is a conflict. */
@Service
public class Projects {

    private final MongoTemplate mongo;
    private final Clock clock;

    Projects(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public Project create(String code, String name, String areaCode, ProjectType type, String partner, boolean ete) {
        if (type == ProjectType.INDIVIDUAL && (partner == null || partner.isBlank())) {
            throw ApiProblem.unprocessable("An individual placement is with a partner organisation",
                    List.of(new ApiProblem.FieldError("partner", "is required for an INDIVIDUAL placement")));
        }
        if (mongo.findById(code, Project.class) != null) {
            throw ApiProblem.conflict("Project " + code + " already exists");
        }
        return mongo.insert(new Project(code, name, areaCode, type, partner, ete, clock.instant()));
    }

    /** The project, or null. */
    public Project find(String code) {
        return mongo.findById(code, Project.class);
    }

    public Project get(String code) {
        Project found = find(code);
        if (found == null) {
            throw ApiProblem.notFound("Project " + code);
        }
        return found;
    }

    public List<Project> list(String areaCode, int page, int size) {
        return mongo.find(filter(areaCode).with(Sort.by("_id")).skip((long) page * size).limit(size), Project.class);
    }

    public long count(String areaCode) {
        return mongo.count(filter(areaCode), Project.class);
    }

    private static Query filter(String areaCode) {
        return areaCode == null ? new Query() : query(where("areaCode").is(areaCode));
    }
}
