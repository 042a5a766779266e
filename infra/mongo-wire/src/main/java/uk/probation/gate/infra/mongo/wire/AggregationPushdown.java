package uk.probation.gate.infra.mongo.wire;

import java.util.List;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.bson.Document;

/**
 * Lets an aggregation whose first stage is {@code $match} read only the documents that filter finds (through an index
 * when {@link IndexedQueries} has one), as MongoDB does, instead of every document of the collection: this is how
 * the driver counts ({@code countDocuments} is {@code $match} then {@code $group}), so every page's total and every
 * gauge read the whole collection before. The {@code $match} stage still runs on what was read.
 */
final class AggregationPushdown {

    private record Pending(String collection, Document match) {
    }

    private static final ThreadLocal<Pending> PENDING = new ThreadLocal<>();

    private AggregationPushdown() {
    }

    /** Runs an {@code aggregate} command; its collection's first read of all documents is narrowed to its match. */
    static Document around(Document command, Supplier<Document> aggregate) {
        if (!(command.get("aggregate") instanceof String collection)
                || !(command.get("pipeline") instanceof List<?> stages) || stages.isEmpty()
                || !(stages.get(0) instanceof Document first) || !(first.get("$match") instanceof Document match)) {
            return aggregate.get();
        }
        PENDING.set(new Pending(collection, match));
        try {
            return aggregate.get();
        } finally {
            PENDING.remove();
        }
    }

    /** The filter the running aggregation starts with, if it aggregates this collection; once. */
    static Document take(String collection) {
        Pending pending = PENDING.get();
        if (pending == null || !pending.collection().equals(collection)) {
            return null;
        }
        PENDING.remove();
        return pending.match();
    }
}
