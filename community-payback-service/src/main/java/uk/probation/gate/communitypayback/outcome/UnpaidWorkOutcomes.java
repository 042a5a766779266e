package uk.probation.gate.communitypayback.outcome;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;
import uk.probation.gate.communitypayback.domain.AttendanceOutcome;
import uk.probation.gate.communitypayback.domain.OrderStatus;
import uk.probation.gate.communitypayback.CommunityPaybackProperties;

/**
 * The figures operations report on, counted by the store ({@code $group} over orders and sessions), never naming a
 * person: orders, completions within 12 months of sentence against the target, places booked and people the service
 * sent home (a SENT_HOME_SERVICE_ISSUE outcome, or instructions withdrawn when a session was stood down).
 */
@Service
public class UnpaidWorkOutcomes {

    /** What the figures are grouped by. */
    public enum GroupBy {
        AREA, SEX, AREA_AND_SEX;

        boolean area() {
            return this != SEX;
        }

        boolean sex() {
            return this != AREA;
        }
    }

    /** One group's figures; {@code areaCode} or {@code sex} is null when not grouped by it. */
    public record Figures(String areaCode, String sex, long orders, long completed, long completedWithin12Months,
            Double positiveCompletionShare, double targetShare, long sessionsBooked, long sentHomeServiceIssue,
            long stoodDown, Double sentHomeShare) {
    }

    private record Key(String areaCode, String sex) {
    }

    private static final class Counts {
        long orders;
        long completed;
        long within;
        long booked;
        long sentHome;
        long stoodDown;
    }

    private final MongoTemplate mongo;
    private final CommunityPaybackProperties properties;

    UnpaidWorkOutcomes(MongoTemplate mongo, CommunityPaybackProperties properties) {
        this.mongo = mongo;
        this.properties = properties;
    }

    public List<Figures> figures(GroupBy groupBy) {
        Map<Key, Counts> groups = new TreeMap<>(Comparator.comparing((Key k) -> Objects.toString(k.areaCode(), ""))
                .thenComparing(k -> Objects.toString(k.sex(), "")));
        // tombstones of erased orders are not orders any more
        for (Document d : aggregate("orders", List.of(new Document("$match",
                new Document("status", new Document("$ne", OrderStatus.ERASED.name()))),
                group(groupBy, "$areaCode", "$sex",
                new Document("orders", new Document("$sum", 1))
                        .append("completed", countIf("$status", OrderStatus.COMPLETED.name()))
                        .append("within", countIf("$withinTwelveMonths", true)))))) {
            Counts c = groups.computeIfAbsent(key(d), k -> new Counts());
            c.orders += number(d, "orders");
            c.completed += number(d, "completed");
            c.within += number(d, "within");
        }
        for (Document d : aggregate("sessions", List.of(new Document("$unwind", "$bookings"),
                group(groupBy, "$areaCode", "$bookings.sex", new Document("booked", new Document("$sum", 1))
                        .append("sentHome", countIf("$bookings.outcome",
                                AttendanceOutcome.SENT_HOME_SERVICE_ISSUE.name())))))) {
            Counts c = groups.computeIfAbsent(key(d), k -> new Counts());
            c.booked += number(d, "booked");
            c.sentHome += number(d, "sentHome");
        }
        // people whose instructions a stand-down withdrew were booked, and sent home by the service
        for (Document d : aggregate("sessions", List.of(new Document("$unwind", "$sentHome"),
                group(groupBy, "$areaCode", "$sentHome.sex", new Document("stoodDown", new Document("$sum", 1)))))) {
            Counts c = groups.computeIfAbsent(key(d), k -> new Counts());
            c.booked += number(d, "stoodDown");
            c.stoodDown += number(d, "stoodDown");
        }
        // places held by people whose orders were erased stay counted, without the people (ADR 0010)
        for (Document d : aggregate("sessions", List.of(new Document("$unwind", "$erasedPlaces"),
                group(groupBy, "$areaCode", "$erasedPlaces.sex", new Document("booked", new Document("$sum", 1))
                        .append("sentHome", countIf("$erasedPlaces.outcome",
                                AttendanceOutcome.SENT_HOME_SERVICE_ISSUE.name()))
                        .append("stoodDown", countIf("$erasedPlaces.sentHome", true)))))) {
            Counts c = groups.computeIfAbsent(key(d), k -> new Counts());
            c.booked += number(d, "booked");
            c.sentHome += number(d, "sentHome");
            c.stoodDown += number(d, "stoodDown");
        }
        double target = properties.positiveCompletionTarget();
        List<Figures> figures = new ArrayList<>();
        groups.forEach((k, c) -> figures.add(new Figures(k.areaCode(), k.sex(), c.orders, c.completed, c.within,
                share(c.within, c.completed), target, c.booked, c.sentHome + c.stoodDown, c.stoodDown,
                share(c.sentHome + c.stoodDown, c.booked))));
        return figures;
    }

    private List<Document> aggregate(String collection, List<Document> pipeline) {
        return mongo.getCollection(collection).aggregate(pipeline).into(new ArrayList<>());
    }

    private static Document group(GroupBy groupBy, String areaField, String sexField, Document accumulators) {
        Document id = new Document();
        if (groupBy.area()) {
            id.append("areaCode", areaField);
        }
        if (groupBy.sex()) {
            id.append("sex", sexField);
        }
        Document body = new Document("_id", id);
        body.putAll(accumulators);
        return new Document("$group", body);
    }

    private static Document countIf(String field, Object value) {
        return new Document("$sum", new Document("$cond", List.of(new Document("$eq", List.of(field, value)), 1, 0)));
    }

    private static Key key(Document d) {
        Document id = d.get("_id", Document.class);
        return new Key(id.getString("areaCode"), id.getString("sex"));
    }

    private static long number(Document d, String field) {
        Object value = d.get(field);
        return value instanceof Number n ? n.longValue() : 0;
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
