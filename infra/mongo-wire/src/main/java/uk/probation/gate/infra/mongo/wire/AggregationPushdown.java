package uk.probation.gate.infra.mongo.wire;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import de.bwaldvogel.mongo.MongoCollection;

import de.bwaldvogel.mongo.bson.Document;

/**
 * Lets an aggregation whose first stage is {@code $match} read only the documents that filter finds (through an index
 * when {@link IndexedQueries} has one), as MongoDB does, instead of every document of the collection: this is how
 * the driver counts ({@code countDocuments} is {@code $match} then {@code $group}), so every page's total and every
 * gauge read the whole collection before. The {@code $match} stage still runs on what was read.
 */
final class AggregationPushdown {

    /** {@code countsOnly}: the stages after the match only count, so they need no copy of the documents. */
    private record Pending(String collection, Document match, boolean countsOnly) {
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
        PENDING.set(new Pending(collection, match, onlyCounts(stages.subList(1, stages.size()))));
        try {
            return aggregate.get();
        } finally {
            PENDING.remove();
        }
    }

    /**
     * What an aggregation of {@code collection} reads: everything ({@code all}), or only what its first stage's
     * filter finds; when the rest only counts, the stored documents themselves ({@code uncopied}, run under the
     * collection's lock), since counting changes none of them and keeps none.
     */
    static Stream<Document> allDocuments(MongoCollection<?> collection, Supplier<Stream<Document>> all,
            Function<Document, Iterable<Document>> uncopied) {
        Pending pending = take(collection.getCollectionName());
        if (pending == null) {
            return all.get();
        }
        if (!pending.countsOnly()) {
            return collection.handleQueryAsStream(pending.match());
        }
        synchronized (collection) {
            return StreamSupport.stream(uncopied.apply(pending.match()).spliterator(), false);
        }
    }

    /** The filter the running aggregation starts with, if it aggregates this collection; once. */
    private static Pending take(String collection) {
        Pending pending = PENDING.get();
        if (pending == null || !pending.collection().equals(collection)) {
            return null;
        }
        PENDING.remove();
        return pending;
    }

    /**
     * Whether these stages only count what they are given ({@code countDocuments}: an optional {@code $skip} and
     * {@code $limit}, then a {@code $group} on a constant summing constants): they read the documents, never keep them.
     */
    private static boolean onlyCounts(List<?> stages) {
        if (stages.isEmpty() || !(stages.get(stages.size() - 1) instanceof Document last)
                || !(last.get("$group") instanceof Document group) || last.size() != 1) {
            return false;
        }
        for (Object stage : stages.subList(0, stages.size() - 1)) {
            if (!(stage instanceof Document document) || document.size() != 1
                    || !(document.containsKey("$skip") || document.containsKey("$limit"))) {
                return false;
            }
        }
        Object id = group.get("_id");
        if (id instanceof Document || (id instanceof String text && text.startsWith("$"))) {
            return false;
        }
        for (java.util.Map.Entry<String, Object> accumulator : group.entrySet()) {
            if (!accumulator.getKey().equals("_id") && !(accumulator.getValue() instanceof Document sum
                    && sum.size() == 1 && sum.get("$sum") instanceof Number)) {
                return false;
            }
        }
        return true;
    }
}
