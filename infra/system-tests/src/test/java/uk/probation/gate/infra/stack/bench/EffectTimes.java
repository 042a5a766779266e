package uk.probation.gate.infra.stack.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * When each consumer's effect became visible, read once after a phase (never polled during it): every aggregate save
 * and every notification writes an audit row ({@code audit_log}) right after its write, stamped {@code at} by the
 * service's clock and carrying the consumed event's id as {@code correlationId}. referral-service's person record
 * is the {@code people} row, notifications-service's notification the {@code notifications} row.
 */
final class EffectTimes {

    private final MongoClient mongo;

    EffectTimes(MongoClient mongo) {
        this.mongo = mongo;
    }

    /** Event id → when the effect on {@code entity} was written, for the events asked about. */
    Map<String, Long> of(String database, String entity, Collection<String> eventIds) {
        Map<String, Long> at = new HashMap<>();
        List<String> ids = new ArrayList<>(eventIds);
        for (int from = 0; from < ids.size(); from += 5_000) {
            for (Document row : mongo.getDatabase(database).getCollection("audit_log")
                    .find(Filters.in("correlationId", ids.subList(from, Math.min(ids.size(), from + 5_000))))
                    .projection(Projections.include("correlationId", "at", "entity"))) {
                if (entity.equals(row.getString("entity")) && row.getDate("at") != null) {
                    at.merge(row.getString("correlationId"), row.getDate("at").getTime(), Math::min);
                }
            }
        }
        return at;
    }
}
