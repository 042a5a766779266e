package uk.probation.gate.referral.referral;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import uk.probation.gate.platform.outbox.AggregateStore;
import uk.probation.gate.platform.outbox.Events;
import uk.probation.gate.platform.web.ApiProblem;
import uk.probation.gate.platform.web.PageResponse;
import uk.probation.gate.referral.domain.Need;
import uk.probation.gate.referral.domain.Outcome;
import uk.probation.gate.referral.domain.ReferralStatus;
import uk.probation.gate.referral.domain.ReferralStep;
import uk.probation.gate.referral.domain.ResponseDeadline;
import uk.probation.gate.referral.domain.RoutingRule;
import uk.probation.gate.referral.routing.Routing;

/**
 * The referral lifecycle. Each change and its events are one save of the referral; {@code provider} is the caller's
 * provider code when a PROVIDER calls (it only ever sees its own referrals: another's is "not found"), else null.
 */
@Service
public class Referrals {

    /** Why a provider let a referral go without declining it: the respond-by day and grace passed. */
    static final String NO_RESPONSE = "NO_RESPONSE_BY_DEADLINE";

    private static final Logger log = LoggerFactory.getLogger(Referrals.class);

    private final AggregateStore store;
    private final MongoTemplate mongo;
    private final Events events;
    private final Routing routing;
    private final ResponseDeadline deadline;
    private final ReferralMetrics metrics;
    private final Clock clock;

    Referrals(AggregateStore store, MongoTemplate mongo, Events events, Routing routing, ResponseDeadline deadline,
            ReferralMetrics metrics, Clock clock) {
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
     * already exists (a redelivered plan) nothing changes and the stored referral is returned.
     */
    public Referral create(String id, NewReferral request) {
        Instant now = clock.instant();
        Referral r = new Referral(id, request.prisonNumber(), request.crn(), request.need(), request.source(),
                request.caseId(), request.prisonCode(), request.areaCode(), request.sex(),
                request.riskOfSeriousHarm(), request.responsibleOfficerCode(), now);
        ReferralEvents.created(r, events);
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

    public Referral accept(String id, String provider) {
        Referral r = get(id, provider);
        require(r, ReferralStep.ACCEPT);
        r.accepted(clock.instant());
        ReferralEvents.accepted(r, events);
        store.save(r);
        metrics.accepted(r);
        return r;
    }

    /** The provider declines: the referral goes to the next provider by priority, or becomes UNROUTABLE. */
    public Referral decline(String id, String provider, String reason) {
        Referral r = get(id, provider);
        require(r, ReferralStep.DECLINE);
        String decliner = r.getProviderCode();
        boolean routed = letGo(r, reason);
        store.save(r);
        metrics.declined(r.getNeed(), decliner);
        countRouting(r, routed);
        return r;
    }

    public Referral start(String id, String provider) {
        Referral r = get(id, provider);
        require(r, ReferralStep.START);
        r.started();
        ReferralEvents.started(r, events);
        return store.save(r);
    }

    public Referral recordOutcome(String id, String provider, Outcome outcome) {
        Referral r = get(id, provider);
        require(r, ReferralStep.RECORD_OUTCOME);
        if (!r.getNeed().outcomes().contains(outcome)) {
            throw ApiProblem.unprocessable("The outcome " + outcome + " does not apply to " + r.getNeed(),
                    List.of(new ApiProblem.FieldError("outcome", "must be one of " + r.getNeed().outcomes())));
        }
        r.outcomeRecorded(outcome);
        ReferralEvents.outcomeRecorded(r, events);
        store.save(r);
        metrics.outcome(r, outcome);
        return r;
    }

    public Referral close(String id, String provider) {
        Referral r = get(id, provider);
        require(r, ReferralStep.CLOSE);
        r.closed("OUTCOME_RECORDED");
        ReferralEvents.closed(r, "OUTCOME_RECORDED", events);
        return store.save(r);
    }

    /**
     * Still needed and still UNROUTABLE (a revised plan says so): routed again if the table now has a provider
     * for it that has not already had it; otherwise nothing changes.
     */
    public boolean routeAgain(String id) {
        Referral r = store.findById(id, Referral.class);
        if (r == null || r.getStatus() != ReferralStatus.UNROUTABLE) {
            return false;
        }
        Optional<RoutingRule> rule = routing.table().next(r.criteria(), r.providersTried());
        if (rule.isEmpty()) {
            return false;
        }
        r.sentTo(rule.get(), deadline.respondBy(LocalDate.now(clock), rule.get().responseDays()), clock.instant());
        ReferralEvents.sent(r, events);
        store.save(r);
        metrics.sent(r);
        return true;
    }

    /** The plan no longer needs it: an open referral is closed as WITHDRAWN; anything else is left as it is. */
    public boolean withdraw(String id) {
        Referral r = store.findById(id, Referral.class);
        if (r == null || !r.getStatus().open()) {
            return false;
        }
        r.closed("WITHDRAWN");
        ReferralEvents.closed(r, "WITHDRAWN", events);
        store.save(r);
        return true;
    }

    /**
     * Moves one overdue referral on to the next provider. Safe with several instances: the save is conditional on
     * the version read, so of two instances escalating the same referral one wins and the other changes nothing.
     */
    public boolean escalate(String id) {
        Referral r = store.findById(id, Referral.class);
        if (r == null || r.getStatus() != ReferralStatus.SENT
                || !deadline.overdue(r.getRespondBy(), clock.instant())) {
            return false;
        }
        String late = r.getProviderCode();
        boolean routed = letGo(r, NO_RESPONSE);
        try {
            store.save(r);
        } catch (OptimisticLockingFailureException changedMeanwhile) {
            log.debug("Referral {} changed while escalating; left to the next run", id);
            return false;
        }
        metrics.overdue(r.getNeed(), late);
        countRouting(r, routed);
        log.info("Referral {} overdue at {}, {}", id, late,
                routed ? "escalated to " + r.getProviderCode() : "unroutable");
        return true;
    }

    /** Ids of SENT referrals whose respond-by day is past; the grace period is checked per referral. */
    public List<String> pastRespondBy() {
        LocalDate today = LocalDate.now(clock);
        Query query = Query.query(where("status").is(ReferralStatus.SENT).and("respondBy").lt(today));
        query.fields().include("_id");
        return mongo.find(query, Referral.class).stream().map(Referral::getId).toList();
    }

    public Referral get(String id, String provider) {
        Referral r = store.findById(id, Referral.class);
        if (r == null || provider != null && !provider.equals(r.getProviderCode())) {
            throw ApiProblem.notFound("Referral " + id);
        }
        return r;
    }

    public PageResponse<Referral> list(String provider, String providerCode, ReferralStatus status, Need need,
            String caseId, String prisonNumber, int page, int size) {
        if (provider != null && providerCode != null && !provider.equals(providerCode)) {
            return new PageResponse<>(List.of(), page, size, 0);
        }
        Query query = new Query();
        Optional.ofNullable(provider != null ? provider : providerCode)
                .ifPresent(code -> query.addCriteria(where("providerCode").is(code)));
        Optional.ofNullable(status).ifPresent(s -> query.addCriteria(where("status").is(s)));
        Optional.ofNullable(need).ifPresent(n -> query.addCriteria(where("need").is(n)));
        Optional.ofNullable(caseId).ifPresent(c -> query.addCriteria(where("caseId").is(c)));
        Optional.ofNullable(prisonNumber).ifPresent(p -> query.addCriteria(where("prisonNumber").is(p)));
        long total = mongo.count(query, Referral.class);
        query.with(Sort.by(Sort.Direction.DESC, "createdAt")).skip((long) page * size).limit(size);
        return new PageResponse<>(mongo.find(query, Referral.class), page, size, total);
    }

    /** The current provider lets the referral go; it is sent to the next provider, or becomes UNROUTABLE. */
    private boolean letGo(Referral r, String reason) {
        Instant now = clock.instant();
        String providerCode = r.getProviderCode();
        r.letGo(reason, now);
        Optional<RoutingRule> next = routing.table().next(r.criteria(), r.providersTried());
        ReferralEvents.declined(r, providerCode, reason, next.isEmpty(), events);
        if (next.isPresent()) {
            r.sentTo(next.get(), deadline.respondBy(LocalDate.now(clock), next.get().responseDays()), now);
            ReferralEvents.sent(r, events);
            return true;
        }
        r.unroutable();
        return false;
    }

    private boolean route(Referral r, Instant now) {
        Optional<RoutingRule> rule = routing.table().next(r.criteria(), r.providersTried());
        if (rule.isPresent()) {
            r.sentTo(rule.get(), deadline.respondBy(LocalDate.now(clock), rule.get().responseDays()), now);
            ReferralEvents.sent(r, events);
            return true;
        }
        r.unroutable();
        ReferralEvents.closed(r, "UNROUTABLE", events);
        return false;
    }

    private void countRouting(Referral r, boolean routed) {
        if (routed) {
            metrics.sent(r);
        } else {
            metrics.unroutable(r);
        }
    }

    private static void require(Referral r, ReferralStep step) {
        if (!step.allowedFrom(r.getStatus())) {
            throw ApiProblem.conflict("The referral is " + r.getStatus() + "; " + step + " needs it to be one of "
                    + step.from());
        }
    }
}
