package uk.probation.gate.notifications.deliverylog;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import uk.probation.gate.notifications.domain.DeliveryStatus;
import uk.probation.gate.notifications.domain.RecipientKind;
import uk.probation.gate.platform.audit.AuditTrail;

/**
 * The delivery log's records ({@link Notification}) about people: found for a subject access request, deleted when
 * what they are about is erased, thinned and deleted when their retention ends. Every write is on the audit trail, one
 * row per entry. Only persistence: {@link DeliveryLog} decides what is logged and sent.
 */
@Service
public class NotificationStore {

    /** Deletions and updates go in batches of this many ids, so a long backlog never loads at once. */
    static final int BATCH = 500;

    private final MongoTemplate mongo;
    private final AuditTrail audit;

    NotificationStore(MongoTemplate mongo, AuditTrail audit) {
        this.mongo = mongo;
        this.audit = audit;
    }

    /** A queued delivery: the entry's id and when it is (next) due. */
    public record Queued(String id, Instant dueAt) {
    }

    /**
     * Entries naming the person by any of {@code identifiers} (the event's subject, prison number or CRN, or the
     * person as the recipient), logged in [{@code from}, {@code to}) when given, oldest first.
     */
    public List<Notification> naming(Collection<String> identifiers, Instant from, Instant to) {
        Criteria criteria = naming(identifiers);
        if (from != null || to != null) {
            Criteria at = where("createdAt");
            if (from != null) {
                at = at.gte(from);
            }
            if (to != null) {
                at = at.lt(to);
            }
            criteria = new Criteria().andOperator(criteria, at);
        }
        return mongo.find(Query.query(criteria).with(Sort.by("createdAt", "_id")), Notification.class);
    }

    /** Whether any entry still names the person by this identifier. */
    public boolean namesAnyone(String identifier) {
        return mongo.exists(Query.query(naming(List.of(identifier))), Notification.class);
    }

    private static Criteria naming(Collection<String> identifiers) {
        return new Criteria().orOperator(where("subject").in(identifiers), where("prisonNumber").in(identifiers),
                where("crn").in(identifiers),
                where("recipientCode").in(identifiers).and("recipientKind").is(RecipientKind.PERSON));
    }

    /** What is still queued of these entries. */
    public List<Queued> queued(Collection<String> notificationIds) {
        return mongo.find(Query.query(where("_id").in(notificationIds)).with(Sort.by("dueAt")), QueuedDelivery.class)
                .stream().map(q -> new Queued(q.id(), q.dueAt())).toList();
    }

    /**
     * Deletes every entry whose {@code field} (caseId, orderId or referralId) is {@code value}, with anything of it
     * still queued; returns the identifiers of people the deleted entries named.
     */
    public Set<String> deleteAbout(String field, String value) {
        Set<String> people = new LinkedHashSet<>();
        List<Notification> batch;
        do {
            batch = mongo.find(Query.query(where(field).is(value)).limit(BATCH), Notification.class);
            batch.forEach(n -> people.addAll(n.personIdentifiers()));
            delete(batch.stream().map(Notification::id).toList());
        } while (batch.size() == BATCH);
        return people;
    }

    /**
     * Removes the rendered subject and body of entries logged before {@code cutoff} that are no longer waiting for
     * their channel (SENT or FAILED); the entry stays, with {@code messageRemovedAt}. Returns how many.
     * <p>
     * The entries still without {@code messageRemovedAt} are read oldest first through the {@code message_kept}
     * index, a batch at a time: each batch leaves that part of the index, so a run reads each entry it changes once,
     * and a run with nothing to do reads none. (Finding them by "subject or body present" read every entry logged
     * before the cutoff for each batch: at 100,000 people, 400,000 entries per batch of 500, for hours.) An entry
     * logged without a message is marked too, so it is not read again.
     */
    public long removeRenderedBodies(Instant cutoff, Instant now) {
        long removed = 0;
        List<String> ids;
        do {
            Query expired = Query.query(where("messageRemovedAt").is(null).and("createdAt").lt(cutoff).and("status")
                    .in(DeliveryStatus.SENT, DeliveryStatus.FAILED)).with(Sort.by("createdAt")).limit(BATCH);
            expired.fields().include("_id");
            ids = ids(expired);
            if (!ids.isEmpty()) {
                mongo.updateMulti(Query.query(where("_id").in(ids)), new Update().unset("messageSubject")
                        .unset("messageBody").set("messageRemovedAt", now), Notification.class);
                ids.forEach(id -> audit.record(DeliveryLog.COLLECTION, id, "updated",
                        List.of("messageSubject", "messageBody", "messageRemovedAt")));
                removed += ids.size();
            }
        } while (ids.size() == BATCH);
        return removed;
    }

    /**
     * Deletes entries logged before {@code cutoff} (and anything of them still queued); returns how many. Oldest
     * first through the {@code createdAt} index, so each batch reads only what it deletes.
     */
    public long deleteLoggedBefore(Instant cutoff) {
        long deleted = 0;
        List<String> ids;
        do {
            Query expired = Query.query(where("createdAt").lt(cutoff)).with(Sort.by("createdAt")).limit(BATCH);
            expired.fields().include("_id");
            ids = ids(expired);
            deleted += delete(ids);
        } while (ids.size() == BATCH);
        return deleted;
    }

    private List<String> ids(Query query) {
        return mongo.find(query, org.bson.Document.class, DeliveryLog.COLLECTION).stream()
                .map(d -> d.getString("_id")).toList();
    }

    /** The queue first, so nothing is sent from an entry that is gone; each deletion on the audit trail. */
    private long delete(List<String> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        mongo.remove(Query.query(where("_id").in(ids)), QueuedDelivery.class);
        long deleted = mongo.remove(Query.query(where("_id").in(ids)), Notification.class).getDeletedCount();
        ids.forEach(id -> audit.record(DeliveryLog.COLLECTION, id, "deleted", List.of()));
        return deleted;
    }
}
