package uk.probation.gate.resettlement.caseload;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import uk.probation.gate.platform.outbox.AggregateStore;
import uk.probation.gate.platform.web.ApiProblem;
import uk.probation.gate.resettlement.domain.CaseStatus;

/** Loading and saving cases, for every feature. */
@Component
public class Cases {

    private final AggregateStore store;
    private final MongoTemplate mongo;

    Cases(AggregateStore store, MongoTemplate mongo) {
        this.store = store;
        this.mongo = mongo;
    }

    public ResettlementCase get(String caseId) {
        ResettlementCase found = store.findById(caseId, ResettlementCase.class);
        if (found == null) {
            throw ApiProblem.notFound("Case " + caseId);
        }
        return found;
    }

    /** The case with an optimistic-locking check against the version the caller last read (If-Match). */
    public ResettlementCase get(String caseId, Long expectedVersion) {
        ResettlementCase found = get(caseId);
        if (expectedVersion != null && !expectedVersion.equals(found.getVersion())) {
            throw ApiProblem.conflict("The case changed since you read it (version " + found.getVersion()
                    + "); reload and try again");
        }
        return found;
    }

    /** The person's open case (not released or transferred out), the most recent reception first. */
    public ResettlementCase openCaseOf(String prisonNumber) {
        List<ResettlementCase> cases = mongo.find(query(where("prisonNumber").is(prisonNumber)
                .and("status").nin(CaseStatus.RELEASED, CaseStatus.TRANSFERRED))
                .with(Sort.by(Sort.Direction.DESC, "receivedOn")), ResettlementCase.class);
        return cases.isEmpty() ? null : cases.get(0);
    }

    public ResettlementCase save(ResettlementCase resettlementCase) {
        return store.save(resettlementCase);
    }
}
