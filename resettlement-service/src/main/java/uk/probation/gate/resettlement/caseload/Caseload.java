package uk.probation.gate.resettlement.caseload;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import uk.probation.gate.platform.security.Caller;
import uk.probation.gate.platform.paging.Page;
import uk.probation.gate.resettlement.domain.CaseStatus;
import uk.probation.gate.resettlement.domain.Due;

/** What is due on the caseload, soonest first: screenings, pre-release reviews, outcomes still to record. */
@Service
public class Caseload {

    public record Entry(String caseId, String prisonNumber, String prisonCode, CaseStatus status, Due due,
            LocalDate dueBy, boolean overdue, LocalDate expectedReleaseDate, String responsibleOfficerCode,
            String allocatedTo, String allocatedToName, boolean recall, String crn) {
    }

    private final MongoTemplate mongo;
    private final Clock clock;

    Caseload(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** The columns the caseload sorts by; ties fall back to soonest due, then prison number. */
    public enum SortBy {
        DUE_BY("dueBy", "nextDueBy"), PRISON_NUMBER("prisonNumber", "prisonNumber"), STATUS("status", "status"),
        EXPECTED_RELEASE_DATE("expectedReleaseDate", "expectedReleaseDate");

        private final String parameter;
        private final String field;

        SortBy(String parameter, String field) {
            this.parameter = parameter;
            this.field = field;
        }

        public String parameter() {
            return parameter;
        }

        /** The sort named by a query parameter value, or null if there is none by that name. */
        public static SortBy named(String parameter) {
            for (SortBy sort : values()) {
                if (sort.parameter.equals(parameter)) {
                    return sort;
                }
            }
            return null;
        }
    }

    /**
     * What the caseload is asked for; null filters do not filter. {@code allocatedTo} ("my cases") lists every open
     * case the caseworker holds, due or not; {@code unallocated} only cases nobody holds.
     */
    public record Filter(String prisonCode, CaseStatus status, Boolean overdue, String prisonNumber,
            String allocatedTo, boolean unallocated) {

        public Filter(String prisonCode, CaseStatus status, Boolean overdue, String prisonNumber) {
            this(prisonCode, status, overdue, prisonNumber, null, false);
        }
    }

    /**
     * What is due at the caller's prisons: a prison outside them gives an empty list, not an error; ADMIN and
     * OPS_VIEWER see every prison.
     */
    public Page<Entry> due(Caller caller, Filter filter, SortBy sortBy, Sort.Direction direction, int page,
            int size) {
        LocalDate today = LocalDate.now(clock);
        Set<String> reach = caller.prisonFilter();
        if (filter.prisonCode() != null && reach != null && !reach.contains(filter.prisonCode())) {
            return Page.empty(page, size);
        }
        // an unrecorded outcome stays on the caseload only until its deadline; the rest until done
        List<Criteria> listed = new ArrayList<>(List.of(
                where("nextDue").in(Due.SCREENING, Due.PRE_RELEASE_REVIEW),
                where("nextDue").is(Due.OUTCOME_TO_RECORD).and("nextDueBy").gte(today)));
        if (filter.allocatedTo() != null) {
            listed.add(where("status").in(CaseStatus.SCREENING_DUE, CaseStatus.PLAN_IN_PROGRESS,
                    CaseStatus.PLAN_COMPLETED));
        }
        Criteria criteria = new Criteria().orOperator(listed);
        List<Criteria> filters = new ArrayList<>(List.of(criteria));
        if (filter.allocatedTo() != null) {
            filters.add(where("allocatedTo").is(filter.allocatedTo()));
        } else if (filter.unallocated()) {
            filters.add(where("allocatedTo").is(null));
        }
        if (filter.prisonCode() != null) {
            filters.add(where("prisonCode").is(filter.prisonCode()));
        } else if (reach != null) {
            filters.add(where("prisonCode").in(reach));
        }
        if (filter.prisonNumber() != null) {
            // prison numbers are stored upper case, so an exact match needs no regular expression
            filters.add(where("prisonNumber").is(filter.prisonNumber().trim().toUpperCase(Locale.ROOT)));
        }
        if (filter.status() != null) {
            filters.add(where("status").is(filter.status()));
        }
        if (Boolean.TRUE.equals(filter.overdue())) {
            filters.add(where("nextDueBy").lt(today));
        } else if (Boolean.FALSE.equals(filter.overdue())) {
            filters.add(where("nextDueBy").gte(today));
        }
        Query query = Query.query(new Criteria().andOperator(filters));
        long total = mongo.count(query, ResettlementCase.class);
        Sort sort = Sort.by(direction, sortBy.field);
        if (sortBy != SortBy.DUE_BY) {
            sort = sort.and(Sort.by("nextDueBy"));
        }
        query.with(sort.and(Sort.by("prisonNumber", "_id"))).skip((long) page * size).limit(size);
        List<Entry> items = mongo.find(query, ResettlementCase.class).stream()
                .map(c -> new Entry(c.getId(), c.getPrisonNumber(), c.getPrisonCode(), c.getStatus(), c.getNextDue(),
                        c.getNextDueBy(), c.getNextDueBy() != null && c.getNextDueBy().isBefore(today),
                        c.getExpectedReleaseDate(), c.getResponsibleOfficerCode(), c.getAllocatedTo(),
                        c.getAllocatedToName(), c.isRecall(), c.getCrn()))
                .toList();
        return new Page<>(items, page, size, total);
    }
}
