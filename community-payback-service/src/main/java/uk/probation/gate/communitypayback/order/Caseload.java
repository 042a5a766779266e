package uk.probation.gate.communitypayback.order;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
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

    /** @param overdue true: open orders past {@code completeBy}; false: the rest; null: both */
    public List<Order> find(String areaCode, OrderStatus status, Boolean overdue, int page, int size) {
        return mongo.find(filter(areaCode, status, overdue).with(Sort.by("completeBy", "_id"))
                .skip((long) page * size).limit(size), Order.class);
    }

    public long count(String areaCode, OrderStatus status, Boolean overdue) {
        return mongo.count(filter(areaCode, status, overdue), Order.class);
    }

    private Query filter(String areaCode, OrderStatus status, Boolean overdue) {
        LocalDate today = LocalDate.now(clock);
        List<Criteria> all = new ArrayList<>();
        if (areaCode != null) {
            all.add(where("areaCode").is(areaCode));
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
        return all.isEmpty() ? new Query() : new Query(new Criteria().andOperator(all));
    }
}
