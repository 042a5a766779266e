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

    /** A collection that can say which documents match a filter from an index alone. */
    interface Covering {
        /** {@link IndexedQueries#coveredPositions}, under the collection's lock. */
        java.util.Collection<?> coveredPositions(Document filter);

        /** {@link IndexedQueries#countsBy}, under the collection's lock. */
        java.util.Map<List<Object>, Long> countsBy(Document filter, List<String> fields);

        /** The collection's namespace, {@code database.collection}. */
        String namespace();
    }

    /**
     * Runs an {@code aggregate} command; its collection's first read of all documents is narrowed to its match. A
     * count whose match an index answers exactly is answered from the index, reading no document.
     */
    static Document around(Document command, Function<String, Object> collections, Supplier<Document> aggregate) {
        if (!(command.get("aggregate") instanceof String collection)
                || !(command.get("pipeline") instanceof List<?> stages) || stages.isEmpty()
                || !(stages.get(0) instanceof Document first) || !(first.get("$match") instanceof Document match)) {
            return aggregate.get();
        }
        boolean countsOnly = onlyCounts(stages.subList(1, stages.size()));
        if (countsOnly && collections.apply(collection) instanceof Covering covering) {
            java.util.Collection<?> positions = covering.coveredPositions(match);
            if (positions != null) {
                return counted(covering.namespace(), stages.subList(1, stages.size()), positions.size());
            }
        }
        if (stages.size() == 2 && collections.apply(collection) instanceof Covering covering) {
            Document grouped = groupedCounts(covering, match, stages.get(1));
            if (grouped != null) {
                return grouped;
            }
        }
        PENDING.set(new Pending(collection, match, countsOnly));
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
     * The answer of counting stages ({@link #onlyCounts}) given {@code matched} documents: what {@code $skip} and
     * {@code $limit} leave, then one group (none when nothing is left, as MongoDB answers), each sum the constant
     * times the count.
     */
    private static Document counted(String namespace, List<?> stages, long matched) {
        long left = matched;
        for (Object stage : stages.subList(0, stages.size() - 1)) {
            Document step = (Document) stage;
            if (step.get("$skip") instanceof Number skip) {
                left = Math.max(0, left - skip.longValue());
            } else if (step.get("$limit") instanceof Number limit) {
                left = Math.min(left, limit.longValue());
            }
        }
        List<Document> batch = new java.util.ArrayList<>();
        if (left > 0) {
            Document group = (Document) ((Document) stages.get(stages.size() - 1)).get("$group");
            Document row = new Document("_id", group.get("_id"));
            for (java.util.Map.Entry<String, Object> accumulator : group.entrySet()) {
                if (!accumulator.getKey().equals("_id")) {
                    Number each = (Number) ((Document) accumulator.getValue()).get("$sum");
                    row.put(accumulator.getKey(), sum(each, left));
                }
            }
            batch.add(row);
        }
        return new Document("cursor", new Document("firstBatch", batch).append("id", 0L).append("ns", namespace))
                .append("ok", 1.0);
    }

    /**
     * A {@code $group} of the matched documents by fields ({@code _id: {name: "$field", ...}}) that only sums
     * constants, answered from an index that holds the match's equalities and those fields ({@link
     * IndexedQueries#countsBy}): the release gauges' counts by prison, sex and status, reading no document. Null when
     * the stage is another shape or no index answers it.
     */
    private static Document groupedCounts(Covering covering, Document match, Object stage) {
        if (!(stage instanceof Document step) || step.size() != 1 || !(step.get("$group") instanceof Document group)) {
            return null;
        }
        // {_id: "$field"}: the value itself is the group's key (null for a document without it)
        boolean single = group.get("_id") instanceof String;
        Document id = single ? new Document("_id", group.get("_id"))
                : group.get("_id") instanceof Document keys ? keys : null;
        if (id == null || id.isEmpty()) {
            return null;
        }
        List<String> names = new java.util.ArrayList<>();
        List<String> fields = new java.util.ArrayList<>();
        for (java.util.Map.Entry<String, Object> key : id.entrySet()) {
            if (!(key.getValue() instanceof String path) || !path.startsWith("$") || path.startsWith("$$")
                    || path.length() < 2) {
                return null;
            }
            names.add(key.getKey());
            fields.add(path.substring(1));
        }
        for (java.util.Map.Entry<String, Object> accumulator : group.entrySet()) {
            if (!accumulator.getKey().equals("_id") && !(accumulator.getValue() instanceof Document sum
                    && sum.size() == 1 && sum.get("$sum") instanceof Number)) {
                return null;
            }
        }
        java.util.Map<List<Object>, Long> counts = covering.countsBy(match, fields);
        if (counts == null) {
            return null;
        }
        List<Document> batch = new java.util.ArrayList<>();
        if (single) {
            // a missing field and a null are one group here, as in MongoDB
            java.util.Map<Object, Long> byValue = new java.util.LinkedHashMap<>();
            counts.forEach((values, count) -> byValue.merge(
                    values.get(0) == IndexedQueries.MISSING ? null : values.get(0), count, Long::sum));
            byValue.forEach((value, count) -> {
                Document row = new Document("_id", value);
                sums(group, row, count);
                batch.add(row);
            });
            return reply(covering, batch);
        }
        counts.forEach((values, count) -> {
            Document key = new Document();
            for (int i = 0; i < names.size(); i++) {
                // a field the document lacks is left out of the group's key, as MongoDB does
                if (values.get(i) != IndexedQueries.MISSING) {
                    key.put(names.get(i), values.get(i));
                }
            }
            Document row = new Document("_id", key);
            sums(group, row, count);
            batch.add(row);
        });
        return reply(covering, batch);
    }

    private static Document reply(Covering covering, List<Document> batch) {
        return new Document("cursor", new Document("firstBatch", batch).append("id", 0L)
                .append("ns", covering.namespace())).append("ok", 1.0);
    }

    /** Each accumulator of {@code group} (a constant's {@code $sum}) over {@code count} documents, into {@code row}. */
    private static void sums(Document group, Document row, long count) {
        for (java.util.Map.Entry<String, Object> accumulator : group.entrySet()) {
            if (!accumulator.getKey().equals("_id")) {
                row.put(accumulator.getKey(), sum((Number) ((Document) accumulator.getValue()).get("$sum"), count));
            }
        }
    }

    private static Number sum(Number each, long count) {
        if (each instanceof Double || each instanceof Float) {
            return each.doubleValue() * count;
        }
        long total = each.longValue() * count;
        return total == (int) total ? (Number) (int) total : (Number) total;
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
