package uk.probation.gate.communitypayback.order;

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
import org.springframework.stereotype.Component;
import uk.probation.gate.communitypayback.Reach;
import uk.probation.gate.communitypayback.domain.OrderStatus;

/** A coordinator's orders: the hours balance of each, the one that must be finished soonest first. */
@Component
public class Caseload {

    private final MongoTemplate mongo;
    private final Clock clock;

    Caseload(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** What a caseload list asks for; null fields do not filter. {@code crn} matches exactly, any case. */
    public record Search(String areaCode, String crn, OrderStatus status, Boolean overdue) {
    }

    /**
     * Orders in the caller's areas. {@code overdue} true: open orders past {@code completeBy}; false: the rest;
     * null: both.
     */
    public List<Order> find(Search search, int page, int size) {
        return mongo.find(filter(search).with(Sort.by("completeBy", "_id"))
                .skip((long) page * size).limit(size), Order.class);
    }

    public long count(Search search) {
        return mongo.count(filter(search), Order.class);
    }

    private Query filter(Search search) {
        LocalDate today = LocalDate.now(clock);
        String areaCode = search.areaCode();
        OrderStatus status = search.status();
        Boolean overdue = search.overdue();
        List<Criteria> all = new ArrayList<>();
        // a tombstone of an erased order is never listed
        all.add(where("status").ne(OrderStatus.ERASED));
        Set<String> reach = Reach.areaFilter();
        if (reach != null) {
            all.add(where("areaCode").in(reach));
        }
        if (areaCode != null) {
            all.add(where("areaCode").is(areaCode));
        }
        if (search.crn() != null && !search.crn().isBlank()) {
            // CRNs are stored upper case (validated on receipt), so exact and case-insensitive is upper-casing
            all.add(where("crn").is(search.crn().trim().toUpperCase(Locale.ROOT)));
        }
        if (status != null) {
            all.add(where("status").is(status));
        }
        if (Boolean.TRUE.equals(overdue)) {
            // a completed order is never overdue
            all.add(where("completeBy").lt(today));
            all.add(where("status").ne(OrderStatus.COMPLETED));
        } else if (Boolean.FALSE.equals(overdue)) {
            all.add(new Criteria().orOperator(where("completeBy").gte(today),
                    where("status").is(OrderStatus.COMPLETED)));
        }
        return new Query(new Criteria().andOperator(all));
    }
}
