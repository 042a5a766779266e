package uk.probation.gate.communitypayback.order;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;
import uk.probation.gate.communitypayback.CommunityPaybackProperties;
import uk.probation.gate.communitypayback.Conflicts;
import uk.probation.gate.communitypayback.Reach;
import uk.probation.gate.communitypayback.UnpaidWorkMetrics;
import uk.probation.gate.communitypayback.domain.Assessment;
import uk.probation.gate.communitypayback.domain.AttendanceOutcome;
import uk.probation.gate.communitypayback.domain.Credit;
import uk.probation.gate.communitypayback.domain.PlacementRules;
import uk.probation.gate.communitypayback.domain.OrderStatus;
import uk.probation.gate.communitypayback.domain.Problem;
import uk.probation.gate.communitypayback.domain.ProjectType;
import uk.probation.gate.contracts.reference.Sex;
import uk.probation.gate.communitypayback.domain.UnpaidWorkDates;
import uk.probation.gate.communitypayback.domain.UnpaidWorkTerms;
import uk.probation.gate.communitypayback.project.Project;
import uk.probation.gate.communitypayback.project.Projects;
import uk.probation.gate.communitypayback.project.SuitableProjectTypes;
import uk.probation.gate.platform.metrics.Labels;
import uk.probation.gate.platform.outbox.AggregateStore;
import uk.probation.gate.platform.outbox.Events;
import uk.probation.gate.platform.failure.NotFound;
import uk.probation.gate.platform.failure.Conflict;
import uk.probation.gate.platform.failure.RuleViolated;
import uk.probation.gate.platform.failure.Violation;

/** An order's life: received from court, assessed, placed, credited session by session, completed. */
@Service
public class Orders implements SuitableProjectTypes {

    private final AggregateStore store;
    private final MongoTemplate mongo;
    private final Events events;
    private final Projects projects;
    private final UnpaidWorkTerms terms;
    private final CommunityPaybackProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final UnpaidWorkMetrics metrics;

    Orders(AggregateStore store, MongoTemplate mongo, Events events, Projects projects,
            CommunityPaybackProperties properties, Clock clock, MeterRegistry meters, UnpaidWorkMetrics metrics) {
        this.store = store;
        this.mongo = mongo;
        this.events = events;
        this.projects = projects;
        this.terms = new UnpaidWorkTerms(properties.eteSharePercent(), properties.monthsToComplete());
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        this.metrics = metrics;
    }

    /** Records the order; a coordinator records orders only in its own areas (403 naming areaCode). */
    public Order receive(NewOrder order) {
        Reach.refuseOutside(order.areaCode());
        Optional<Order> created = store.createdByAbandonedAttempt(Order.class);
        if (created.isPresent()) {
            return created.get();
        }
        int requiredMinutes = terms.requiredMinutes(order.requiredHours());
        Order received = new Order(UUID.randomUUID().toString(), order, requiredMinutes,
                terms.eteMinutesAllowed(requiredMinutes), terms.completeBy(order.sentenceDate()), clock.instant(),
                events);
        store.save(received);
        Counter.builder("community_payback.orders.received").description("Unpaid work orders received from court")
                .tag("area", Labels.area(order.areaCode())).tag("sex", Labels.known(order.sex().name(), Sex.class))
                .register(meters).increment();
        return received;
    }

    /** The order, or null when there is none or it is outside the caller's areas. */
    public Order get(String orderId) {
        Order found = store.findById(orderId, Order.class);
        return found == null || found.isErased() || !Reach.area(found.getAreaCode()) ? null : found;
    }

    /** The orders with these ids that the caller reaches, by id (one indexed {@code _id $in} read). */
    public Map<String, Order> byIds(Collection<String> orderIds) {
        if (orderIds.isEmpty()) {
            return Map.of();
        }
        return mongo.find(query(where("_id").in(orderIds)), Order.class).stream()
                .filter(o -> !o.isErased() && Reach.area(o.getAreaCode()))
                .collect(Collectors.toMap(Order::getId, o -> o));
    }

    public Order require(String orderId) {
        Order found = get(orderId);
        if (found == null) {
            throw new NotFound("Order " + orderId);
        }
        return found;
    }

    public Order assess(String orderId, Assessment assessment) {
        boolean[] first = new boolean[1];
        Order assessed = Conflicts.retry(() -> {
            Order o = require(orderId);
            refuseIfCompleted(o);
            first[0] = o.getAssessment() == null;
            o.assess(assessment);
            return store.save(o);
        });
        if (first[0]) {
            metrics.assessed(assessed.getAreaCode(), assessment.motivationToComply().name());
        }
        return assessed;
    }

    /** Assigns the project; the assessment must come first, and high-risk people go to group work. */
    public Order place(String orderId, String projectCode) {
        require(orderId);
        Project project = projects.find(projectCode);
        if (project == null) {
            throw new RuleViolated("There is no such project",
                    List.of(new Violation("projectCode", "no project " + projectCode)));
        }
        return Conflicts.retry(() -> {
            Order o = require(orderId);
            if (store.alreadyApplied(o)) {
                return o;
            }
            refuseIfCompleted(o);
            refuse("The order cannot be placed on " + projectCode, PlacementRules.check(o.getAssessment(),
                    o.getRiskOfSeriousHarm(), project.type(), properties.highRiskIndividualPlacements()));
            LocalDate today = LocalDate.now(clock);
            o.place(new Placement(project.code(), project.type(), project.ete(), project.partner(), today), events);
            return store.save(o);
        });
    }

    /**
     * The project types the order may be placed on under the rules {@link #place} enforces: none before an
     * assessment that considered risk of harm, group work only for a high-risk person (unless configured otherwise).
     * Null when the order is unknown or outside the caller's areas.
     */
    @Override
    public Set<ProjectType> suitableProjectTypes(String orderId) {
        Order o = get(orderId);
        if (o == null) {
            return null;
        }
        Set<ProjectType> types = EnumSet.noneOf(ProjectType.class);
        for (ProjectType type : ProjectType.values()) {
            if (PlacementRules.check(o.getAssessment(), o.getRiskOfSeriousHarm(), type,
                    properties.highRiskIndividualPlacements()).isEmpty()) {
                types.add(type);
            }
        }
        return types;
    }

    /** The court extended the order: sessions may be booked up to the new date; 12-month completion is unchanged. */
    public Order extend(String orderId, LocalDate completeBy) {
        return Conflicts.retry(() -> {
            Order o = require(orderId);
            if (store.alreadyApplied(o)) {
                return o;
            }
            refuseIfCompleted(o);
            if (!completeBy.isAfter(o.getCompleteBy())) {
                refuse("An extension moves the date later", List.of(new Problem("completeBy",
                        "must be after the current date " + o.getCompleteBy())));
            }
            o.extendTo(completeBy);
            return store.save(o);
        });
    }

    /**
     * Whether the outcome can be recorded for the order at this session, refusing (and changing nothing) as the
     * request would be refused: minutes above the session's length (422 {@code minutesCredited}), an outcome already
     * recorded or the order completed (409), a completion on a day still to come (422 {@code completedOn}).
     */
    public void checkAttendance(String orderId, WorkedSession session, AttendanceOutcome outcome, int minutesReported,
            LocalDate today) {
        refuse("The minutes cannot be credited", Credit.check(outcome, minutesReported, session.lengthMinutes()));
        Order o = require(orderId);
        if (o.hasAttendanceFor(session.sessionId())) {
            throw new Conflict("Attendance for order " + orderId + " at session " + session.sessionId()
                    + " is already recorded");
        }
        refuseIfCompleted(o);
        Credit credit = Credit.of(outcome, minutesReported, session.ete(), o.getRemainingMinutes(),
                o.getEteMinutesAllowed() - o.getEteMinutesCredited());
        if (o.wouldComplete(credit.minutes())) {
            refuse("The order cannot be completed on a day still to come",
                    UnpaidWorkDates.completion(session.date(), today));
        }
    }

    /**
     * Credits a session's outcome already claimed on its booking (ADR 0008) and publishes it: session attended, or
     * work sent home when the service sent the person home; and the completion when these minutes complete the
     * order. Idempotent: an order that already has an outcome for the session is returned unchanged, so the request
     * and the recovery of a crashed request credit it once between them. Not scoped to the caller (recovery has
     * none): the request checked reach before claiming.
     */
    public Order credit(String orderId, WorkedSession session, AttendanceClaim claim) {
        AttendanceOutcome outcome = claim.outcome();
        record Recorded(Order order, Credit credit, boolean applied, boolean first, boolean completed) {
        }
        Recorded r = Conflicts.retry(() -> {
            Order o = store.findById(orderId, Order.class);
            if (o == null) {
                throw new IllegalStateException("Attendance claimed for order " + orderId + ", which does not exist");
            }
            if (o.hasAttendanceFor(session.sessionId())) {
                return new Recorded(o, null, false, false, false);
            }
            Credit credit = Credit.of(outcome, claim.minutesReported(), session.ete(), o.getRemainingMinutes(),
                    o.getEteMinutesAllowed() - o.getEteMinutesCredited());
            boolean first = outcome.worked() && o.getFirstSessionOn() == null;
            boolean completed = o.record(session, claim, credit,
                    terms.completedInTime(o.getSentenceDate(), session.date()), events);
            return new Recorded(store.save(o), credit, true, first, completed);
        });
        Order o = r.order();
        if (!r.applied()) {
            return o;
        }
        String projectType = session.projectType().name();
        metrics.attendance(o.getAreaCode(), projectType, outcome.name(), r.credit().minutes());
        if (outcome.enforceable()) {
            metrics.enforceableFailure(o.getAreaCode(), outcome.name());
        }
        if (outcome.sentHomeByService()) {
            metrics.sentHome(session.areaCode(), projectType, "SERVICE_ISSUE", 1);
        }
        if (r.first()) {
            metrics.firstSession(o.getAreaCode(), ChronoUnit.DAYS.between(o.getSentenceDate(), session.date()));
        }
        if (r.completed()) {
            metrics.completed(o.getAreaCode(), o.getWithinTwelveMonths());
        }
        return o;
    }

    /** Every order of the person (by CRN), oldest first; erased orders hold no CRN and are not among them. */
    public List<Order> ofPerson(String crn) {
        return mongo.find(query(where("crn").is(crn)).with(Sort.by("receivedAt", "_id")), Order.class);
    }

    /** Finished orders that ended before {@code endedBefore}: their retention is over (ADR 0010). */
    public List<Order> finishedBefore(LocalDate endedBefore) {
        return mongo.find(query(where("status").is(OrderStatus.COMPLETED).and("completedOn").lt(endedBefore)),
                Order.class).stream().filter(o -> o.getStatus().finished()).toList();
    }

    /**
     * Erases a finished order: its personal fields are stripped and {@code community-payback.order.erased} is
     * registered in the same save (a tombstone), so the erasure and its announcement cannot be split. A live order
     * is never erased (false); an order already erased or gone is left alone (false).
     */
    public boolean erase(String orderId, LocalDate erasedOn) {
        return Conflicts.retry(() -> {
            Order o = store.findById(orderId, Order.class);
            if (o == null || o.isErased() || !o.getStatus().finished()) {
                return false;
            }
            o.erase(erasedOn, events);
            store.save(o);
            return true;
        });
    }

    /** Deletes the tombstones whose erased event has been published (outbox empty); returns how many went. */
    public long deletePublishedTombstones() {
        long deleted = 0;
        for (Order o : mongo.find(query(where("status").is(OrderStatus.ERASED)), Order.class)) {
            if (o.getOutbox().isEmpty() && store.delete(o)) {
                deleted++;
            }
        }
        return deleted;
    }

    private static void refuseIfCompleted(Order o) {
        if (o.isCompleted()) {
            throw new Conflict("Order " + o.getId() + " is completed");
        }
    }

    private static void refuse(String detail, List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new RuleViolated(detail,
                    problems.stream().map(p -> new Violation(p.field(), p.message())).toList());
        }
    }
}
