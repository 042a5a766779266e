package uk.probation.gate.resettlement.caseload;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import uk.probation.gate.platform.audit.AuditTrail;
import uk.probation.gate.platform.outbox.Events;
import uk.probation.gate.platform.security.Caller;
import uk.probation.gate.platform.failure.Conflict;
import uk.probation.gate.platform.failure.RuleViolated;
import uk.probation.gate.platform.failure.Violation;

/**
 * Who holds a case: a caseworker's user id (the token's {@code sub}). Names are kept here only (a small directory
 * of the caseworkers who signed in), never on the bus.
 */
@Service
public class Allocations {

    public static final String USER_ID = "^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$";
    static final String DIRECTORY = "caseworkers";

    private final CaseStore cases;
    private final Events events;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final AuditTrail audit;

    Allocations(CaseStore cases, Events events, MongoTemplate mongo, Clock clock, AuditTrail audit) {
        this.cases = cases;
        this.events = events;
        this.mongo = mongo;
        this.clock = clock;
        this.audit = audit;
    }

    /** {@code me} is the caller; another id is allocated as given, with the name it signed in with, if known. */
    public ResettlementCase allocate(String caseId, Long expectedVersion, String caseworker) {
        if (caseworker == null || !caseworker.matches(USER_ID)) {
            throw new RuleViolated("The case cannot be allocated", java.util.List.of(
                    new Violation("caseworker", "must be a user id (letters, digits, _ . @ -) or me")));
        }
        Caller caller = Caller.current();
        remember(caller);
        ResettlementCase c = cases.get(caseId, expectedVersion, "the allocation");
        if (!c.isOpen()) {
            throw new Conflict("The case is " + c.getStatus() + "; it cannot be allocated");
        }
        String userId = resolve(caseworker, caller);
        if (!c.allocate(userId, nameOf(userId), clock.instant(), Actors.current(), events)) {
            return c;
        }
        return cases.saveChange(c, "the allocation");
    }

    public ResettlementCase deallocate(String caseId, Long expectedVersion) {
        remember(Caller.current());
        ResettlementCase c = cases.get(caseId, expectedVersion, "the allocation");
        if (c.deallocate("MANUAL", clock.instant(), Actors.current(), events) == null) {
            return c;
        }
        return cases.saveChange(c, "the allocation");
    }

    /** {@code me} means the caller. */
    public static String resolve(String caseworker, Caller caller) {
        return "me".equals(caseworker) ? caller.subject() : caseworker;
    }

    /**
     * Keeps the caller's display name so a colleague allocating a case to them shows it. Written (and audited) only
     * when the directory learns a caseworker or a new name: a caller whose name is known already writes nothing.
     */
    public void remember(Caller caller) {
        if (caller == Caller.SYSTEM || caller.subject() == null) {
            return;
        }
        org.bson.Document known = mongo.findById(caller.subject(), org.bson.Document.class, DIRECTORY);
        if (known != null && java.util.Objects.equals(known.getString("name"), caller.name())) {
            return;
        }
        mongo.upsert(query(where("_id").is(caller.subject())), new Update().set("name", caller.name()), DIRECTORY);
        audit.record(DIRECTORY, caller.subject(), known == null ? "created" : "updated", java.util.List.of("name"));
    }

    private String nameOf(String userId) {
        org.bson.Document found = mongo.findOne(query(where("_id").is(userId)), org.bson.Document.class, DIRECTORY);
        return found == null ? null : found.getString("name");
    }
}
