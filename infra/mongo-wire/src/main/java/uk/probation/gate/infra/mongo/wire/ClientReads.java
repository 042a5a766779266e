package uk.probation.gate.infra.mongo.wire;

import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;

/**
 * What one collection of either backend does differently from mongo-java-server 1.47 about what a client reads.
 * <p>
 * The library answers a query with its stored {@code Document} objects and writes them to the wire after the
 * collection's lock is released, while an update changes those same objects in place. So a reader could see a value
 * written after its query matched, and an update conditioned on that value (a queue claim, a lease, an optimistic
 * version check) then matched a second time: two notifications workers both claimed one queue entry and sent its
 * e-mail twice (ADR 0012). A client's query therefore copies what it matched while it still holds the lock, and
 * findAndModify copies the document it answers with; writes that find their documents through a query (findAndModify,
 * a delete, an update) keep working on the stored ones. Every method runs under the collection's lock.
 */
final class ClientReads {

    /** Set while a client's query runs. */
    private boolean answeringClient;
    /** Set while findAndModify or a delete runs: they find what they change through the same query. */
    private boolean changing;
    /** How many queries, updates and deletes read every document because no index served them. */
    private long collectionScans;
    /** How many documents queries, updates and deletes read through an index. */
    private long documentsReadThroughIndexes;
    /** A scan of this many documents or more is logged. */
    private static final int LARGE = 10_000;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ClientReads.class);
    /** A query that reads this many documents through an index is logged. */
    static final int MANY_THROUGH_INDEX = 1_000;
    /** When each collection and filter shape's scan, or large read through an index, was last logged. */
    private final java.util.Map<String, Long> logged = new java.util.HashMap<>();

    QueryResult query(Supplier<QueryResult> query) {
        if (changing) {
            return query.get();
        }
        answeringClient = true;
        try {
            return query.get();
        } finally {
            answeringClient = false;
        }
    }

    /** What a query matched, as the client may have it: copies for a client's query, the stored ones for a write. */
    List<Document> answer(List<Document> matched) {
        return answeringClient ? matched.stream().map(Document::cloneDeeply).collect(Collectors.toList()) : matched;
    }

    /**
     * A query, update or delete is about to read every document of the collection. A scan of a large collection is
     * logged, at most once a minute per collection and filter shape, with the filter's keys (never its values, which
     * may be identifiers of people): at 100,000 people such a scan is what slows everything else down.
     */
    void scanning(String namespace, Document filter, int documents) {
        collectionScans++;
        if (documents >= LARGE && due("scan " + namespace + shapeOf(filter))) {
            log.warn("Collection scan of {} ({} documents) for a filter on {}: no index serves it", namespace,
                    documents, shapeOf(filter));
        }
    }

    /**
     * An index found these documents, which are now read. A query that reads {@value #MANY_THROUGH_INDEX} or more is
     * logged like a scan (once a minute per collection and filter shape, keys and operators only): an index that
     * narrows a filter to thousands of documents, read on every tick of a poller, kept the store busy at idle with
     * 100,000 people stored (ADR 0013).
     */
    void readingThroughIndex(String namespace, Document filter, int documents) {
        documentsReadThroughIndexes += documents;
        if (documents >= MANY_THROUGH_INDEX && due("index " + namespace + shapeOf(filter))) {
            log.warn("Read {} documents of {} through an index for a filter on {}", documents, namespace,
                    shapeOf(filter));
        }
    }

    /** Whether what {@code key} names was last logged a minute ago or more (and it is now). */
    private boolean due(String key) {
        long now = System.currentTimeMillis();
        Long last = logged.get(key);
        if (last != null && now - last < 60_000) {
            return false;
        }
        logged.put(key, now);
        return true;
    }

    /**
     * A filter's shape: its fields with the operators applied to each, nested in {@code $and} / {@code $or}, never a
     * value: {@code [status, respondBy $lt]}.
     */
    static String shapeOf(Document filter) {
        if (filter == null) {
            return "[]";
        }
        List<String> parts = new java.util.ArrayList<>();
        for (java.util.Map.Entry<String, Object> entry : filter.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            if (key.startsWith("$") && value instanceof java.util.Collection<?> alternatives) {
                parts.add(key + alternatives.stream()
                        .map(each -> each instanceof Document part ? shapeOf(part) : "?")
                        .collect(Collectors.joining(" ", "(", ")")));
            } else if (value instanceof Document operators && !operators.isEmpty()
                    && operators.keySet().stream().allMatch(operator -> operator.startsWith("$"))) {
                parts.add(key + " " + String.join(" ", operators.keySet()));
            } else {
                parts.add(key);
            }
        }
        return parts.toString();
    }

    /**
     * {@code collStats} as the library answers it, plus {@code collectionScans} and
     * {@code documentsReadThroughIndexes} since the server started.
     */
    Document withScans(Document stats) {
        return stats.append("collectionScans", collectionScans)
                .append("documentsReadThroughIndexes", documentsReadThroughIndexes);
    }

    Document findAndModify(Supplier<Document> findAndModify) {
        changing = true;
        Document result;
        try {
            result = findAndModify.get();
        } finally {
            changing = false;
        }
        if (result.get("value") instanceof Document value) {
            result.put("value", value.cloneDeeply());
        }
        return result;
    }

    int delete(IntSupplier delete) {
        changing = true;
        try {
            return delete.getAsInt();
        } finally {
            changing = false;
        }
    }
}
