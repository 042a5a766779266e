package uk.probation.gate.platform.test;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Date;
import java.util.regex.Pattern;
import org.bson.Document;

/**
 * What a SIGKILL leaves when it comes between a keyed POST's change and its answer (ADR 0012): the change stored, the
 * {@code Idempotency-Key} still in progress with no answer kept. Tests make a request, then turn its key back into
 * that, so the retry with the same key is the one that takes an abandoned key over.
 */
public final class AbandonedAttempts {

    private AbandonedAttempts() {
    }

    /**
     * The newest answered keyed request whose answer mentions {@code marker} (the id of what it changed) is left in
     * progress, its lease run out, its answer gone: as an instance killed after storing the change leaves it.
     */
    public static void killedBeforeAnswering(MongoCollection<Document> idempotencyKeys, String marker) {
        Document newest = idempotencyKeys.find(Filters.and(Filters.eq("state", "COMPLETED"),
                Filters.regex("body", Pattern.quote(marker)))).sort(Sorts.descending("createdAt")).first();
        if (newest == null) {
            throw new IllegalStateException("no answered keyed request mentions " + marker);
        }
        idempotencyKeys.updateOne(Filters.eq("_id", newest.get("_id")), Updates.combine(
                Updates.set("state", "IN_PROGRESS"), Updates.set("leaseUntil", Date.from(Instant.now().minusSeconds(1))),
                Updates.unset("status"), Updates.unset("body"), Updates.unset("contentType"),
                Updates.unset("location")));
    }
}
