package uk.probation.gate.resettlement.caseload;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import uk.probation.gate.platform.web.PageResponse;
import uk.probation.gate.resettlement.domain.CaseStatus;
import uk.probation.gate.resettlement.domain.Due;

/** What is due on the caseload, soonest first: screenings, pre-release reviews, outcomes still to record. */
@Service
public class Caseload {

    public record Entry(String caseId, String prisonNumber, String prisonCode, CaseStatus status, Due due,
            LocalDate dueBy, boolean overdue, LocalDate expectedReleaseDate, String responsibleOfficerCode) {
    }

    private final MongoTemplate mongo;
    private final Clock clock;

    Caseload(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public PageResponse<Entry> due(String prisonCode, CaseStatus status, Boolean overdue, int page, int size) {
        LocalDate today = LocalDate.now(clock);
        // an unrecorded outcome stays on the caseload only until its deadline; the rest until done
        Criteria criteria = new Criteria().orOperator(
                where("nextDue").in(Due.SCREENING, Due.PRE_RELEASE_REVIEW),
                where("nextDue").is(Due.OUTCOME_TO_RECORD).and("nextDueBy").gte(today));
        List<Criteria> filters = new java.util.ArrayList<>(List.of(criteria));
        if (prisonCode != null) {
            filters.add(where("prisonCode").is(prisonCode));
        }
        if (status != null) {
            filters.add(where("status").is(status));
        }
        if (Boolean.TRUE.equals(overdue)) {
            filters.add(where("nextDueBy").lt(today));
        } else if (Boolean.FALSE.equals(overdue)) {
            filters.add(where("nextDueBy").gte(today));
        }
        Query query = Query.query(new Criteria().andOperator(filters));
        long total = mongo.count(query, ResettlementCase.class);
        query.with(Sort.by("nextDueBy", "prisonNumber")).skip((long) page * size).limit(size);
        List<Entry> items = mongo.find(query, ResettlementCase.class).stream()
                .map(c -> new Entry(c.getId(), c.getPrisonNumber(), c.getPrisonCode(), c.getStatus(), c.getNextDue(),
                        c.getNextDueBy(), c.getNextDueBy().isBefore(today), c.getExpectedReleaseDate(),
                        c.getResponsibleOfficerCode()))
                .toList();
        return new PageResponse<>(items, page, size, total);
    }
}
