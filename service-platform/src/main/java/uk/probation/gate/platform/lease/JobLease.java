package uk.probation.gate.platform.lease;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.bson.Document;

/**
 * A named lease in {@value #COLLECTION}, so that a job runs on one instance at a time however many are running:
 * taken when free or expired (one atomic find-and-modify, or an insert that only one instance can win), renewed by
 * its holder, given back when done. A holder that dies loses it when it expires.
 */
public class JobLease {

    public static final String COLLECTION = "job_leases";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final String holder;

    public JobLease(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        this.holder = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    }

    public String holder() {
        return holder;
    }

    /** Takes or renews the lease {@code name} for {@code ttl}; false when another live instance holds it. */
    public boolean tryAcquire(String name, Duration ttl) {
        Instant now = clock.instant();
        Query free = new Query(where("_id").is(name).orOperator(where("expiresAt").lte(Date.from(now)),
                where("holder").is(holder)));
        Update take = new Update().set("holder", holder).set("expiresAt", Date.from(now.plus(ttl)))
                .set("acquiredAt", Date.from(now));
        Document taken = mongo.findAndModify(free, take, FindAndModifyOptions.options().returnNew(true),
                Document.class, COLLECTION);
        if (taken != null) {
            return true;
        }
        try {
            mongo.insert(new Document("_id", name).append("holder", holder)
                    .append("expiresAt", Date.from(now.plus(ttl))).append("acquiredAt", Date.from(now)), COLLECTION);
            return true;
        } catch (DuplicateKeyException heldElsewhere) {
            return false;
        }
    }

    /** A lease as the admins' Background work page shows it: held while {@code expiresAt} is in the future. */
    public record LeaseView(String name, String holder, Instant acquiredAt, Instant expiresAt, boolean held) {
    }

    /** Every lease this service's instances have taken, by name. */
    public java.util.List<LeaseView> all() {
        Instant now = clock.instant();
        return mongo.find(new Query().with(org.springframework.data.domain.Sort.by("_id")), Document.class, COLLECTION)
                .stream().map(d -> {
                    Instant expires = d.getDate("expiresAt") == null ? null : d.getDate("expiresAt").toInstant();
                    Instant acquired = d.getDate("acquiredAt") == null ? null : d.getDate("acquiredAt").toInstant();
                    return new LeaseView(d.getString("_id"), d.getString("holder"), acquired, expires,
                            expires != null && expires.isAfter(now));
                }).toList();
    }

    /** Gives the lease back early, if this instance holds it. */
    public void release(String name) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(name).and("holder").is(holder)),
                new Update().set("expiresAt", Date.from(clock.instant())), COLLECTION);
    }
}
