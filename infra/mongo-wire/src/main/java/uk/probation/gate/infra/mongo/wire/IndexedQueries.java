package uk.probation.gate.infra.mongo.wire;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

/**
 * Chooses the index a query is served by, as MongoDB's planner would for the queries we make: an index serves a
 * filter that has an equality on every one of its keys (a value, {@code {$eq: v}} or {@code {$in: [...]}}), at the
 * top level or inside a top-level {@code $and}. The filter's other conditions are then checked on the documents the
 * index found, so the answer is the same as reading every document.
 * <p>
 * mongo-java-server 1.47 uses an index only when the filter's keys are exactly a unique index's keys, and ignores
 * secondary indexes: {@code {_id: x, version: 3}} or {@code {_id: x, "claim.holder": h}} read every document of the
 * collection, as did every query on a non-unique field. With a hundred thousand people stored that saturated the
 * store (ADR 0013). A unique index is preferred (one document at most), then the secondary index with the most keys.
 * An {@code $or} is served as the union of its alternatives, each with the conditions around it, when every
 * alternative is served by an index more narrowly than the conditions around it alone. Ranges, {@code $exists},
 * {@code $ne}, regular expressions, null and whole-array or whole-document equality are never served by an index.
 */
final class IndexedQueries {

    /** More lookups than this (a compound index and long {@code $in} lists) and reading every document is no worse. */
    private static final int MAX_LOOKUPS = 1000;

    private IndexedQueries() {
    }

    /** The answer to {@code query}: through the index that serves it ({@code byPositions}), else by {@code scan}. */
    static <P> QueryResult answer(List<Index<P>> indexes, Document query, Supplier<QueryResult> scan,
            Function<Collection<P>, QueryResult> byPositions) {
        Collection<P> positions = positions(indexes, query);
        return positions == null ? scan.get() : byPositions.apply(positions);
    }

    /** The positions of every document that may match {@code query}, or null when no index serves it. */
    static <P> Collection<P> positions(List<Index<P>> indexes, Document query) {
        Map<String, List<Object>> equalities = new LinkedHashMap<>();
        List<Document> alternatives = new ArrayList<>();
        collectEqualities(query, equalities, alternatives);
        Plan<P> whole = best(indexes, equalities);
        if (!alternatives.isEmpty()) {
            // an $or: each alternative with the conditions around it, when every one is served more narrowly
            List<Plan<P>> branches = new ArrayList<>();
            for (Document alternative : alternatives) {
                Map<String, List<Object>> narrower = new LinkedHashMap<>(equalities);
                collectEqualities(alternative, narrower, new ArrayList<>());
                Plan<P> branch = best(indexes, narrower);
                if (branch == null || (whole != null && branch.score() <= whole.score())) {
                    branches = null;
                    break;
                }
                branches.add(branch);
            }
            if (branches != null) {
                Set<P> found = new LinkedHashSet<>();
                branches.forEach(branch -> found.addAll(lookUp(branch.index(), branch.equalities())));
                return found;
            }
        }
        return whole == null ? null : lookUp(whole.index(), whole.equalities());
    }

    private record Plan<P>(Index<P> index, Map<String, List<Object>> equalities, int score) {
    }

    /** The index that serves these equalities best: a unique one, else the one with most keys; null if none. */
    private static <P> Plan<P> best(List<Index<P>> indexes, Map<String, List<Object>> equalities) {
        if (equalities.isEmpty()) {
            return null;
        }
        Plan<P> best = null;
        for (Index<P> index : indexes) {
            if (!(index instanceof AbstractUniqueIndex || index instanceof SecondaryIndex)) {
                continue;
            }
            List<String> keys = keysOf(index);
            if (!equalities.keySet().containsAll(keys) || lookups(keys, equalities) > MAX_LOOKUPS) {
                continue;
            }
            int score = (index.isUnique() ? 1000 : 0) + keys.size();
            if (best == null || score > best.score()) {
                best = new Plan<>(index, equalities, score);
            }
        }
        return best;
    }

    private static <P> Collection<P> lookUp(Index<P> index, Map<String, List<Object>> equalities) {
        // an empty $in has no combination: nothing is looked up and nothing found
        List<String> keys = keysOf(index);
        Set<P> found = new LinkedHashSet<>();
        for (List<Object> values : combinations(keys, equalities)) {
            if (index instanceof SecondaryIndex<P> secondary) {
                found.addAll(secondary.positionsOf(new KeyValue(values).normalized()));
            } else {
                Document lookup = new Document();
                for (int i = 0; i < keys.size(); i++) {
                    lookup.put(keys.get(i), values.get(i));
                }
                index.getPositions(lookup).forEach(found::add);
            }
        }
        return found;
    }

    /**
     * The filter's equalities at the top level and in a top-level {@code $and}, and the alternatives of the first
     * {@code $or} found there (a second {@code $or} is only checked on what the first one's plan finds).
     */
    private static void collectEqualities(Document filter, Map<String, List<Object>> equalities,
            List<Document> alternatives) {
        for (Map.Entry<String, Object> condition : filter.entrySet()) {
            String key = condition.getKey();
            if (key.equals("$and") && condition.getValue() instanceof Collection<?> all) {
                for (Object each : all) {
                    if (each instanceof Document part) {
                        collectEqualities(part, equalities, alternatives);
                    }
                }
            } else if (key.equals("$or") && condition.getValue() instanceof Collection<?> any && alternatives.isEmpty()
                    && any.stream().allMatch(Document.class::isInstance)) {
                any.forEach(alternative -> alternatives.add((Document) alternative));
            } else if (!key.startsWith("$")) {
                List<Object> values = equalityValues(condition.getValue());
                if (values != null) {
                    equalities.putIfAbsent(key, values);
                }
            }
        }
    }

    /** The values a condition requires the field to equal one of, or null when it is not such a condition. */
    private static List<Object> equalityValues(Object condition) {
        if (condition instanceof Document operators) {
            if (operators.size() != 1) {
                return null;
            }
            if (operators.containsKey("$eq")) {
                return indexable(operators.get("$eq")) ? List.of(operators.get("$eq")) : null;
            }
            if (operators.get("$in") instanceof Collection<?> candidates) {
                return candidates.stream().allMatch(IndexedQueries::indexable) ? new ArrayList<>(candidates) : null;
            }
            return null;
        }
        return indexable(condition) ? List.of(condition) : null;
    }

    private static boolean indexable(Object value) {
        return value != null && !(value instanceof Missing) && !(value instanceof Document)
                && !(value instanceof Collection) && !(value instanceof Pattern)
                && !BsonRegularExpression.isRegularExpression(value);
    }

    private static List<String> keysOf(Index<?> index) {
        return index.getKeys().stream().map(IndexKey::getKey).toList();
    }

    private static long lookups(List<String> keys, Map<String, List<Object>> equalities) {
        long product = 1;
        for (String key : keys) {
            product *= equalities.get(key).size();
        }
        return product;
    }

    private static List<List<Object>> combinations(List<String> keys, Map<String, List<Object>> equalities) {
        List<List<Object>> combinations = List.of(List.of());
        for (String key : keys) {
            List<List<Object>> longer = new ArrayList<>();
            for (List<Object> prefix : combinations) {
                for (Object value : equalities.get(key)) {
                    List<Object> combination = new ArrayList<>(prefix);
                    combination.add(value);
                    longer.add(combination);
                }
            }
            combinations = longer;
        }
        return combinations;
    }
}
