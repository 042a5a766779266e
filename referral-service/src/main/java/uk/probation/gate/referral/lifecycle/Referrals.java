package uk.probation.gate.referral.lifecycle;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import uk.probation.gate.platform.outbox.AggregateStore;
import uk.probation.gate.platform.outbox.Events;
import uk.probation.gate.platform.security.Caller;
import uk.probation.gate.platform.security.Roles;
import uk.probation.gate.platform.failure.NotFound;
import uk.probation.gate.platform.failure.Conflict;
import uk.probation.gate.platform.failure.RuleViolated;
import uk.probation.gate.platform.failure.Violation;
import uk.probation.gate.platform.paging.Page;
import uk.probation.gate.referral.ReferralProperties;
import uk.probation.gate.referral.domain.Achievement;
import uk.probation.gate.referral.domain.Need;
import uk.probation.gate.referral.domain.Outcome;
import uk.probation.gate.referral.domain.ReferralStatus;
import uk.probation.gate.referral.domain.ReferralStep;
import uk.probation.gate.referral.domain.ResponseDeadline;
import uk.probation.gate.referral.domain.RoutingRule;
import uk.probation.gate.referral.domain.Stage;
import uk.probation.gate.referral.person.CaseDetails;
import uk.probation.gate.referral.person.People;
import uk.probation.gate.referral.person.Person;
import uk.probation.gate.referral.routing.Routing;

/**
 * The referral lifecycle. Each change, its history entry and its events are one save of the referral; {@code provider}
 * is the caller's provider code when a PROVIDER calls (it only ever sees its own referrals: another's is "not found"),
 * else null; {@code by} is who acted (the caller's token subject).
 */
@Service
public class Referrals {

    /** Who routes, escalates and withdraws: the service itself, not a person. */
    public static final String SYSTEM = Caller.SYSTEM.subject();

    /** Why a provider let a referral go without declining it: the respond-by day and grace passed. */
    static final String NO_RESPONSE = "NO_RESPONSE_BY_DEADLINE";

    private static final Logger log = LoggerFactory.getLogger(Referrals.class);

    private final AggregateStore store;
    private final MongoTemplate mongo;
    private final Events events;
    private final Routing routing;
    private final ResponseDeadline deadline;
    private final ReferralMetrics metrics;
    private final People people;
    private final ReferralProperties.Stages stages;
    private final Clock clock;

    Referrals(AggregateStore store, MongoTemplate mongo, Events events, Routing routing, ResponseDeadline deadline,
            ReferralMetrics metrics, People people, ReferralProperties properties, Clock clock) {
        this.people = people;
        this.stages = properties.stages();
        this.store = store;
        this.mongo = mongo;
        this.events = events;
        this.routing = routing;
        this.deadline = deadline;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Creates the referral and routes it to the first matching provider, or marks it UNROUTABLE. With an id that
     * already exists (a redelivered plan) nothing changes and the stored referral is returned. {@code by} is who
     * made it: the caller's subject for a manual referral, "system" for a plan's.
     */
    public Referral create(String id, NewReferral request, String by) {
        Optional<Referral> resumed = store.createdByAbandonedAttempt(Referral.class);
        if (resumed.isPresent()) {
            return resumed.get();
        }
        Instant now = clock.instant();
        Referral r = new Referral(id, request.prisonNumber(), request.crn(), request.need(), request.source(),
                request.caseId(), request.prisonCode(), request.areaCode(), request.sex(),
                request.riskOfSeriousHarm(), request.responsibleOfficerCode(), request.desiredOutcomes(), now, by,
                events);
        boolean routed = route(r, now);
        try {
            store.save(r);
        } catch (DuplicateKeyException alreadyCreated) {
            log.debug("Referral {} already exists", id);
            return store.findById(id, Referral.class);
        }
        metrics.created(r);
        countRouting(r, routed);
        log.info("Referral {} for {} created ({}), {}", id, r.getNeed(), r.getSource(),
                routed ? "sent to " + r.getProviderCode() : "unroutable");
        return r;
    }

    public Referral accept(String id, String provider, String by) {
        Referral r = ownedBy(id, provider);
        if (store.alreadyApplied(r)) {
            return r;
        }
        require(r, ReferralStep.ACCEPT);
        r.accepted(clock.instant(), by, LocalDate.now(clock), stages.startDays(), events);
        store.save(r);
        metrics.accepted(r);
        return r;
    }

    /** The provider declines: the referral goes to the next provider by priority, or becomes UNROUTABLE. */
    public Referral decline(String id, String provider, String reason, String by) {
        Referral r = ownedBy(id, provider);
        if (store.alreadyApplied(r)) {
            return r;
        }
        require(r, ReferralStep.DECLINE);
        String decliner = r.getProviderCode();
        boolean routed = letGo(r, reason, by);
        store.save(r);
        metrics.declined(r.getNeed(), decliner);
        countRouting(r, routed);
        return r;
    }

    public Referral start(String id, String provider, String by) {
        Referral r = ownedBy(id, provider);
        if (store.alreadyApplied(r)) {
            return r;
        }
        require(r, ReferralStep.START);
        r.started(clock.instant(), by, LocalDate.now(clock), stages.outcomeDays(), events);
        store.save(r);
        metrics.started(r);
        return r;
    }

    public Referral recordOutcome(String id, String provider, Outcome outcome, String by) {
        Referral r = ownedBy(id, provider);
        if (store.alreadyApplied(r)) {
            return r;
        }
        require(r, ReferralStep.RECORD_OUTCOME);
        if (!r.getNeed().outcomes().contains(outcome)) {
            throw new RuleViolated("The outcome " + outcome + " does not apply to " + r.getNeed(),
                    List.of(new Violation("outcome", "must be one of " + r.getNeed().outcomes())));
        }
        r.outcomeRecorded(outcome, clock.instant(), by, events);
        store.save(r);
        metrics.outcome(r, outcome);
        return r;
    }

    /** One desired outcome answered in a closure's end-of-service report, as the provider sent it. */
    public record ReportedAchievement(String desiredOutcome, Achievement achieved, String note) {
    }

    /** A closure's end-of-service report as the provider sent it (achievements may be null: none). */
    public record ReportRequest(List<ReportedAchievement> achievements, String summary) {
    }

    /**
     * The provider closes the referral after its outcome; with a report, every desired outcome must be answered
     * exactly once (else 422 naming {@code endOfServiceReport.achievements[<desiredOutcome>]}, nothing changed).
     */
    public Referral close(String id, String provider, ReportRequest report, String by) {
        Referral r = ownedBy(id, provider);
        if (store.alreadyApplied(r)) {
            return r;
        }
        require(r, ReferralStep.CLOSE);
        Instant now = clock.instant();
        if (report != null) {
            r.reported(checked(r, report, by, now));
        }
        r.closed("OUTCOME_RECORDED", now, by, events);
        return store.save(r);
    }

    private static Referral.EndOfServiceReport checked(Referral r, ReportRequest report, String by, Instant now) {
        List<Violation> errors = new ArrayList<>();
        List<ReportedAchievement> given = report.achievements() == null ? List.of() : report.achievements();
        Set<String> answered = new java.util.HashSet<>();
        List<Referral.AchievementEntry> achievements = new ArrayList<>();
        for (ReportedAchievement a : given) {
            String field = "endOfServiceReport.achievements[" + a.desiredOutcome() + "]";
            if (a.desiredOutcome() == null || !r.getDesiredOutcomes().contains(a.desiredOutcome())) {
                errors.add(new Violation(field, "is not one of the referral's desired outcomes "
                        + r.getDesiredOutcomes()));
            } else if (!answered.add(a.desiredOutcome())) {
                errors.add(new Violation(field, "is answered more than once"));
            } else if (a.achieved() == null) {
                errors.add(new Violation(field, "needs achieved: ACHIEVED, PARTIALLY_ACHIEVED or "
                        + "NOT_ACHIEVED"));
            } else {
                achievements.add(new Referral.AchievementEntry(a.desiredOutcome(), a.achieved(), a.note()));
            }
        }
        for (String desired : r.getDesiredOutcomes()) {
            if (given.stream().noneMatch(a -> desired.equals(a.desiredOutcome()))) {
                errors.add(new Violation("endOfServiceReport.achievements[" + desired + "]",
                        "must be answered: every desired outcome is reported on once"));
            }
        }
        if (!errors.isEmpty()) {
            throw new RuleViolated(errors.stream().map(e -> e.field() + " " + e.message())
                    .collect(java.util.stream.Collectors.joining("; ")), errors);
        }
        return new Referral.EndOfServiceReport(achievements, report.summary(), by, now);
    }

    /**
     * The referral's end-of-service report: for whoever reaches the referral, and a RESPONSIBLE_OFFICER whose
     * {@code officer} claim is the referral's officer; otherwise, or when there is no report, "not found".
     */
    public Referral withReport(String id, Caller caller) {
        Referral r = visible(store.findById(id, Referral.class));
        if (r == null || !reaches(caller, r)) {
            throw new NotFound("Referral " + id);
        }
        if (r.getEndOfServiceReport() == null) {
            throw new NotFound("The end-of-service report of referral " + id);
        }
        return r;
    }

    /**
     * A case's details completed or corrected: its open referrals take the new identifiers, risk, officer and prison
     * (for routing and the events still to come), once per event. Closed ones stay as they were.
     */
    public void caseUpdated(String eventId, CaseDetails details) {
        for (Referral r : openOfCase(details.caseId())) {
            if (r.markProcessed(eventId)) {
                r.detailsUpdated(details);
                store.save(r);
            }
        }
    }

    /** A later reception's case superseded this one: its open referrals move to the new case, once per event. */
    public void caseSuperseded(String eventId, String caseId, String newCaseId) {
        for (Referral r : openOfCase(caseId)) {
            if (r.markProcessed(eventId)) {
                r.movedTo(newCaseId);
                store.save(r);
            }
        }
    }

    /** The referral now belongs to that case (it was moved there when its case was superseded). */
    boolean movedTo(String id, String caseId) {
        Referral r = store.findById(id, Referral.class);
        return r != null && caseId.equals(r.getCaseId());
    }

    private List<Referral> openOfCase(String caseId) {
        List<ReferralStatus> open = java.util.Arrays.stream(ReferralStatus.values()).filter(ReferralStatus::open)
                .toList();
        return mongo.find(Query.query(where("caseId").is(caseId).and("status").in(open)), Referral.class);
    }

    /** An erased referral (a tombstone waiting for its event to go) is, to every caller, not there. */
    private static Referral visible(Referral r) {
        return r == null || r.isErased() ? null : r;
    }

    /**
     * Erases the referral (its retention ended, or its case was erased): registers {@code referral.referral.erased}
     * (the last event naming the person) and strips it to a tombstone in the same save; the tombstone is deleted
     * once the event is published ({@link #deletePublishedTombstones}). False when already erased or unknown.
     */
    public boolean erase(String id) {
        Referral r = store.findById(id, Referral.class);
        if (r == null || r.isErased()) {
            return false;
        }
        LocalDate today = LocalDate.now(clock);
        r.erased(today, events);
        store.save(r);
        log.info("Referral {} erased", id);
        return true;
    }

    /**
     * Ids of referrals closed (CLOSED or UNROUTABLE) before {@code cutoff}: one range of the closed_at index
     * {status, closedAt}, not every closed referral (issue 14). Those closed before closedAt was kept get it from
     * their history first, so each is read once.
     */
    public List<String> closedBefore(Instant cutoff) {
        List<ReferralStatus> closed = List.of(ReferralStatus.CLOSED, ReferralStatus.UNROUTABLE);
        for (Referral legacy : mongo.find(Query.query(where("status").in(closed).and("closedAt").is(null)),
                Referral.class)) {
            // no version change: the field is the aggregate's, so its own next save keeps it
            mongo.updateFirst(Query.query(where("_id").is(legacy.getId()).and("closedAt").is(null)),
                    new org.springframework.data.mongodb.core.query.Update().set("closedAt", legacy.closedAt()),
                    Referral.class);
        }
        Query query = Query.query(where("status").in(closed).and("closedAt").lt(cutoff));
        query.fields().include("_id");
        return mongo.find(query, Referral.class).stream().map(Referral::getId).toList();
    }

    /** Ids of every referral of the case that is not erased yet, open or not. */
    public List<String> idsOfCase(String caseId) {
        Query query = Query.query(where("caseId").is(caseId).and("status").ne(ReferralStatus.ERASED));
        query.fields().include("_id");
        return mongo.find(query, Referral.class).stream().map(Referral::getId).toList();
    }

    /** Deletes erased referrals whose erased event has been published (empty outbox); returns how many. */
    public long deletePublishedTombstones() {
        long deleted = 0;
        for (Referral r : mongo.find(Query.query(where("status").is(ReferralStatus.ERASED)), Referral.class)) {
            if (r.getOutbox().isEmpty() && store.delete(r)) {
                deleted++;
            }
        }
        return deleted;
    }

    /** Every referral (not erased) naming this prison number or this CRN, oldest first (the subject access request). */
    public List<Referral> about(String prisonNumber, String crn) {
        List<Criteria> either = new ArrayList<>();
        if (prisonNumber != null) {
            either.add(where("prisonNumber").is(prisonNumber));
        }
        if (crn != null) {
            either.add(where("crn").is(crn));
        }
        if (either.isEmpty()) {
            return List.of();
        }
        return mongo.find(Query.query(new Criteria().andOperator(new Criteria().orOperator(either),
                where("status").ne(ReferralStatus.ERASED))).with(Sort.by("createdAt")), Referral.class);
    }

    /** Whether any referral (not erased) names this prison number or this case. */
    public boolean anyFor(String prisonNumber, String caseId) {
        List<Criteria> either = new ArrayList<>();
        if (prisonNumber != null) {
            either.add(where("prisonNumber").is(prisonNumber));
        }
        if (caseId != null) {
            either.add(where("caseId").is(caseId));
        }
        return !either.isEmpty() && mongo.exists(Query.query(new Criteria().andOperator(
                new Criteria().orOperator(either), where("status").ne(ReferralStatus.ERASED))), Referral.class);
    }

    /** The referral exists and is UNROUTABLE (terminal: a need still required gets a new referral). */
    public boolean unroutable(String id) {
        Referral r = store.findById(id, Referral.class);
        return r != null && r.getStatus() == ReferralStatus.UNROUTABLE;
    }

    /** The plan no longer needs it: an open referral is closed as WITHDRAWN; anything else is left as it is. */
    public boolean withdraw(String id) {
        Referral r = store.findById(id, Referral.class);
        if (r == null || !r.getStatus().open()) {
            return false;
        }
        r.closed("WITHDRAWN", clock.instant(), SYSTEM, events);
        store.save(r);
        return true;
    }

    /**
     * Escalates one overdue stage once: RESPONSE moves the referral on to the next provider (as a decline for no
     * response); START and OUTCOME stay with the provider and are announced once. Each escalation is recorded on
     * the referral, published ({@code referral.referral.escalated}) and counted. Safe with several instances: the
     * save is conditional on the version read, so of two instances escalating the same referral one wins and the
     * other changes nothing.
     */
    public boolean escalate(String id) {
        Referral r = store.findById(id, Referral.class);
        Stage stage = r == null ? null : r.stage();
        LocalDate dueBy = r == null ? null : r.stageDueBy();
        Instant now = clock.instant();
        if (stage == null || dueBy == null || !deadline.overdue(dueBy, now) || r.escalated(stage, dueBy)) {
            return false;
        }
        String late = r.getProviderCode();
        r.escalate(stage, dueBy, now, events);
        boolean routed = stage != Stage.RESPONSE || letGo(r, NO_RESPONSE, SYSTEM);
        try {
            store.save(r);
        } catch (OptimisticLockingFailureException changedMeanwhile) {
            log.debug("Referral {} changed while escalating; left to the next run", id);
            return false;
        }
        metrics.escalated(stage, r.getNeed(), late);
        if (stage == Stage.RESPONSE) {
            metrics.overdue(r.getNeed(), late);
            countRouting(r, routed);
            log.info("Referral {} overdue at {}, {}", id, late,
                    routed ? "escalated to " + r.getProviderCode() : "unroutable");
        } else {
            log.info("Referral {} overdue at {} for stage {} (due by {}): escalated", id, late, stage, dueBy);
        }
        return true;
    }

    /**
     * Ids of referrals whose current stage is past its day and not yet escalated; the grace period is checked per
     * referral.
     */
    public List<String> pastDue() {
        // one query per open status, each served by the status index: closed referrals (nearly all of them, in
        // time) are never read (ADR 0013); the same referrals as overdueNow(today, true)
        LocalDate today = LocalDate.now(clock);
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        for (Criteria stage : List.of(where("status").is(ReferralStatus.SENT).and("respondBy").lt(today),
                where("status").is(ReferralStatus.ACCEPTED).and("startBy").lt(today)
                        .and("escalations.stage").ne(Stage.START),
                where("status").is(ReferralStatus.IN_PROGRESS).and("outcomeBy").lt(today)
                        .and("escalations.stage").ne(Stage.OUTCOME))) {
            Query query = Query.query(stage);
            query.fields().include("_id");
            mongo.find(query, Referral.class).forEach(r -> ids.add(r.getId()));
        }
        return List.copyOf(ids);
    }

    /** The current stage is past its day ({@code notEscalated}: START and OUTCOME not escalated yet). */
    private static Criteria overdueNow(LocalDate today, boolean notEscalated) {
        Criteria start = where("status").is(ReferralStatus.ACCEPTED).and("startBy").lt(today);
        Criteria outcome = where("status").is(ReferralStatus.IN_PROGRESS).and("outcomeBy").lt(today);
        if (notEscalated) {
            start = start.and("escalations.stage").ne(Stage.START);
            outcome = outcome.and("escalations.stage").ne(Stage.OUTCOME);
        }
        return new Criteria().orOperator(where("status").is(ReferralStatus.SENT).and("respondBy").lt(today),
                start, outcome);
    }

    /**
     * A PROVIDER's own referral ({@code provider} null: anyone's); another provider's is "not found". A provider that
     * had a referral now closed for good (e.g. the last to decline before it became UNROUTABLE) is told it is closed.
     */
    private Referral ownedBy(String id, String provider) {
        Referral r = visible(store.findById(id, Referral.class));
        if (r != null && store.alreadyApplied(r)) {
            // resumed after this provider's own change, which may have sent the referral on (a decline)
            return r;
        }
        if (r != null && provider != null && r.getStatus().terminal() && r.providersTried().contains(provider)) {
            return r;
        }
        if (r == null || provider != null && !provider.equals(r.getProviderCode())) {
            throw new NotFound("Referral " + id);
        }
        return r;
    }

    /** The referral if the caller reaches it (see {@link #reaches}); otherwise "not found", as an unknown id. */
    public Referral get(String id, Caller caller) {
        Referral r = visible(store.findById(id, Referral.class));
        if (r == null || !reaches(caller, r)) {
            throw new NotFound("Referral " + id);
        }
        return r;
    }

    /**
     * ADMIN and OPS_VIEWER reach every referral; a PROVIDER those it holds; a caseworker those of people at its
     * prisons (where the person was last received, or the prison the referral was made from); a coordinator those
     * made in its areas. A caller with several roles reaches what any of them reaches.
     */
    boolean reaches(Caller caller, Referral r) {
        if (caller.isNational()) {
            return true;
        }
        String provider = caller.providerScope();
        if (provider != null && provider.equals(r.getProviderCode())) {
            return true;
        }
        if (caller.hasRole(Roles.RESETTLEMENT_CASEWORKER)) {
            if (caller.reachesPrison(r.getPrisonCode())) {
                return true;
            }
            Person person = r.getPrisonNumber() == null ? null : people.get(r.getPrisonNumber());
            if (person != null && caller.reachesPrison(person.getPrisonCode())) {
                return true;
            }
        }
        String officer = caller.officerScope();
        if (officer != null && !officer.isEmpty() && officer.equals(r.getResponsibleOfficerCode())) {
            return true;
        }
        return caller.hasRole(Roles.PLACEMENT_COORDINATOR) && caller.reachesArea(r.getAreaCode());
    }

    /** Every referral of these resettlement cases for these needs, whatever its status (not scoped: callers are). */
    public List<Referral> ofCases(Collection<String> caseIds, Set<Need> needs) {
        if (caseIds.isEmpty()) {
            return List.of();
        }
        return mongo.find(Query.query(where("caseId").in(caseIds).and("need").in(needs)
                .and("status").ne(ReferralStatus.ERASED)), Referral.class);
    }

    /** How a list is ordered: newest first, or a provider's inbox (overdue first, then soonest respond-by). */
    public enum Order { NEWEST, RESPOND_BY }

    /** What a list asks for; null or empty means any. */
    public record Filter(String providerCode, Set<ReferralStatus> statuses, Need need, String caseId,
            String prisonNumber, Boolean overdue) {
    }

    /** The referrals the caller reaches that match the filter, a page of them in the order asked for. */
    public Page<Referral> list(Caller caller, Filter filter, Order order, int page, int size) {
        Criteria criteria = new Criteria();
        Optional.ofNullable(filter.providerCode()).ifPresent(code -> criteria.and("providerCode").is(code));
        // erased referrals are never listed: asked for by status, they are left out of the statuses asked for (so
        // an index on the status counts them alone, ADR 0013); else every status but ERASED
        Criteria shown = where("status").ne(ReferralStatus.ERASED);
        Set<ReferralStatus> statuses = null;
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            statuses = EnumSet.copyOf(filter.statuses());
            statuses.remove(ReferralStatus.ERASED);
            if (statuses.isEmpty()) {
                return Page.empty(page, size);
            }
            shown = where("status").in(statuses);
        }
        Optional.ofNullable(filter.need()).ifPresent(n -> criteria.and("need").is(n));
        Optional.ofNullable(filter.caseId()).ifPresent(c -> criteria.and("caseId").is(c));
        Optional.ofNullable(filter.prisonNumber()).ifPresent(p -> criteria.and("prisonNumber").is(p));
        // the conditions but the status: the inbox's segments each ask for statuses of their own
        List<Criteria> base = new ArrayList<>(List.of(criteria));
        if (Boolean.TRUE.equals(filter.overdue())) {
            base.add(overdueNow(LocalDate.now(clock), false));
        }
        if (!caller.isNational()) {
            List<Criteria> reach = reachable(caller);
            if (reach.isEmpty()) {
                return Page.empty(page, size);
            }
            // one alternative (a provider's inbox, one officer, ...) as a plain condition: its key's index serves it
            base.add(reach.size() == 1 ? reach.get(0) : new Criteria().orOperator(reach));
        }
        return page(base, shown, statuses, order, page, size);
    }

    /** {@code statuses}: those asked for (ERASED never among them), or null for every status but ERASED. */
    private Page<Referral> page(List<Criteria> base, Criteria shown, Set<ReferralStatus> statuses, Order order,
            int page, int size) {
        List<Criteria> all = new ArrayList<>(base);
        all.add(shown);
        Criteria criteria = new Criteria().andOperator(all);
        long total = mongo.count(Query.query(criteria), Referral.class);
        if (size == 0) {
            // the total alone (a tab's count): no document is read when an index answers the filter
            return new Page<>(List.of(), page, size, total);
        }
        List<Referral> items = order == Order.RESPOND_BY ? byRespondBy(base, shown, statuses, page, size)
                : mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "createdAt"))
                        .skip((long) page * size).limit(size), Referral.class);
        return new Page<>(items, page, size, total);
    }

    /** The same reach as {@link #reaches}, as alternatives of a query. */
    private List<Criteria> reachable(Caller caller) {
        List<Criteria> reach = new ArrayList<>();
        String provider = caller.providerScope();
        if (provider != null) {
            reach.add(where("providerCode").is(provider));
        }
        if (caller.hasRole(Roles.RESETTLEMENT_CASEWORKER) && !caller.prisons().isEmpty()) {
            reach.add(where("prisonCode").in(caller.prisons()));
            List<String> prisonNumbers = people.prisonNumbersAt(caller.prisons());
            if (!prisonNumbers.isEmpty()) {
                reach.add(where("prisonNumber").in(prisonNumbers));
            }
        }
        if (caller.hasRole(Roles.PLACEMENT_COORDINATOR) && !caller.areas().isEmpty()) {
            reach.add(where("areaCode").in(caller.areas()));
        }
        String officer = caller.officerScope();
        if (officer != null && !officer.isEmpty()) {
            reach.add(where("responsibleOfficerCode").is(officer));
        }
        return reach;
    }

    /**
     * A provider's inbox: what it is late to answer (still SENT after the respond-by day) first, then the soonest
     * respond-by day, then what has none (newest first). Four queries paged as one list, each an equality on the
     * provider and statuses, then a range of {@code respondBy} (or none), read in the {@code inbox_by_day} index's
     * order and counted from it, so a page reads its own referrals only (ADR 0013).
     */
    private List<Referral> byRespondBy(List<Criteria> base, Criteria shown, Set<ReferralStatus> statuses, int page,
            int size) {
        LocalDate today = LocalDate.now(clock);
        Sort byDay = Sort.by("respondBy", "createdAt");
        List<Query> segments = new ArrayList<>();
        if (statuses == null || statuses.contains(ReferralStatus.SENT)) {
            segments.add(Query.query(and(base, where("status").is(ReferralStatus.SENT),
                    where("respondBy").lt(today))).with(byDay));
        }
        // past its day but answered: these days come before today's
        Criteria answered = statuses == null
                ? where("status").nin(ReferralStatus.SENT, ReferralStatus.ERASED)
                : where("status").in(statuses.stream().filter(s -> s != ReferralStatus.SENT).toList());
        if (statuses == null || statuses.stream().anyMatch(s -> s != ReferralStatus.SENT)) {
            segments.add(Query.query(and(base, answered, where("respondBy").lt(today))).with(byDay));
        }
        segments.add(Query.query(and(base, shown, where("respondBy").gte(today))).with(byDay));
        segments.add(Query.query(and(base, shown, where("respondBy").is(null)))
                .with(Sort.by(Sort.Direction.DESC, "createdAt")));
        List<Referral> items = new ArrayList<>();
        long skip = (long) page * size;
        for (Query segment : segments) {
            if (items.size() >= size) {
                break;
            }
            long count = mongo.count(segment, Referral.class);
            if (skip >= count) {
                skip -= count;
                continue;
            }
            items.addAll(mongo.find(Query.of(segment).skip(skip).limit(size - items.size()), Referral.class));
            skip = 0;
        }
        return items;
    }

    /** One flat {@code $and} of the list's conditions and more: its equalities stay where an index can serve them. */
    private static Criteria and(List<Criteria> all, Criteria... more) {
        List<Criteria> each = new ArrayList<>(all);
        each.addAll(List.of(more));
        return new Criteria().andOperator(each);
    }

    /**
     * The current provider lets the referral go; it is sent to the next provider (one not tried yet, the one letting
     * go included), or becomes UNROUTABLE.
     */
    private boolean letGo(Referral r, String reason, String by) {
        Instant now = clock.instant();
        Optional<RoutingRule> next = routing.table().next(r.criteria(), r.providersTried());
        r.letGo(reason, now, by, next.isEmpty(), events);
        if (next.isPresent()) {
            r.sentTo(next.get(), deadline.respondBy(LocalDate.now(clock), next.get().responseDays()),
                    startDays(next.get()), outcomeDays(next.get()), now, events);
            return true;
        }
        return false;
    }

    private boolean route(Referral r, Instant now) {
        Optional<RoutingRule> rule = routing.table().next(r.criteria(), r.providersTried());
        if (rule.isPresent()) {
            r.sentTo(rule.get(), deadline.respondBy(LocalDate.now(clock), rule.get().responseDays()),
                    startDays(rule.get()), outcomeDays(rule.get()), now, events);
            return true;
        }
        r.unroutable(now, events);
        return false;
    }

    private int startDays(RoutingRule rule) {
        return rule.startDays() != null ? rule.startDays() : stages.startDays();
    }

    private int outcomeDays(RoutingRule rule) {
        return rule.outcomeDays() != null ? rule.outcomeDays() : stages.outcomeDays();
    }

    private void countRouting(Referral r, boolean routed) {
        if (routed) {
            metrics.sent(r);
        } else {
            metrics.unroutable(r);
        }
    }

    private static void require(Referral r, ReferralStep step) {
        if (r.getStatus().terminal()) {
            throw new Conflict("The referral is " + r.getStatus()
                    + ": it is closed for good and no step can be taken on it", List.of(new Violation(
                    "status", "is " + r.getStatus() + "; a closed referral stays closed")));
        }
        if (!step.allowedFrom(r.getStatus())) {
            throw new Conflict("The referral is " + r.getStatus() + "; " + step + " needs it to be one of "
                    + step.from());
        }
    }
}
