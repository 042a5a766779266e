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
 * alternative is served by an index more narrowly than the conditions around it alone.
 * <p>
 * A secondary index also serves a filter with an equality on every key but its last and one bound ({@link Range}) on
 * a date or number in its last key, by reading that range of its keys; and an equality with null (which matches a
 * missing field too) when it is not sparse, since it indexes a missing field as null. {@code $exists}, {@code $ne},
 * regular expressions and whole-array or whole-document equality are never served by an index.
 * <p>
 * A count whose every condition is one the index answers exactly ({@link #coveredPositions}) is answered from the
 * index alone, without reading a document, as MongoDB counts from a covering index.
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
        Conditions conditions = new Conditions();
        List<Document> alternatives = new ArrayList<>();
        collect(query, conditions, alternatives);
        Plan<P> whole = best(indexes, conditions);
        if (!alternatives.isEmpty()) {
            // an $or: each alternative with the conditions around it, when every one is served more narrowly
            List<Plan<P>> branches = new ArrayList<>();
            for (Document alternative : alternatives) {
                Conditions narrower = conditions.copy();
                collect(alternative, narrower, new ArrayList<>());
                Plan<P> branch = best(indexes, narrower);
                if (branch == null || (whole != null && branch.score() <= whole.score())) {
                    branches = null;
                    break;
                }
                branches.add(branch);
            }
            if (branches != null) {
                Set<P> found = new LinkedHashSet<>();
                branches.forEach(branch -> found.addAll(branch.lookUp()));
                return found;
            }
        }
        return whole == null ? null : whole.lookUp();
    }

    /**
     * The positions of exactly the documents that match {@code filter}, when an index answers every one of its
     * conditions exactly (equalities and one bound on its keys, each key given one condition; for an {@code $or}, each
     * alternative with the conditions around it); null otherwise. The count of a filter is then the number of positions, and no document needs reading.
     */
    static <P> Collection<P> coveredPositions(List<Index<P>> indexes, Document filter) {
        Conditions conditions = new Conditions();
        List<Document> alternatives = new ArrayList<>();
        collect(filter, conditions, alternatives);
        if (alternatives.isEmpty()) {
            return covered(indexes, conditions);
        }
        // an $or: the union of its alternatives, each with the conditions around it, when an index answers each one
        // exactly (a document matching two alternatives is one position, counted once)
        Set<P> found = new LinkedHashSet<>();
        for (Document alternative : alternatives) {
            Conditions narrower = conditions.copy();
            List<Document> nested = new ArrayList<>();
            collect(alternative, narrower, nested);
            Collection<P> positions = nested.isEmpty() ? covered(indexes, narrower) : null;
            if (positions == null) {
                return null;
            }
            found.addAll(positions);
        }
        return found;
    }

    /** A grouped field a document does not have (a group leaves it out of its key), as {@link #countsBy} gives it. */
    static final Object MISSING = new Object() {
        @Override
        public String toString() {
            return "(missing)";
        }
    };

    /**
     * How many documents match {@code filter} for each combination of the {@code fields}' values, read from an index
     * alone, as MongoDB answers a {@code $group} over a covering index: the filter's equalities (one value each) must
     * be an index's first keys and the fields its next ones, in any order, and a bound, if any, on the key after them;
     * null when no index answers so (another range, an {@code $or}, a value it cannot give back). A document the index holds a null for is read
     * ({@code read}), as a group tells a null from a missing field ({@link #MISSING}).
     */
    static <P> Map<List<Object>, Long> countsBy(List<Index<P>> indexes, Document filter, List<String> fields,
            Function<P, Document> read) {
        Conditions conditions = new Conditions();
        List<Document> alternatives = new ArrayList<>();
        collect(filter, conditions, alternatives);
        if (!alternatives.isEmpty() || !conditions.exact || conditions.ranges.size() > 1
                || conditions.keys().size() != conditions.equalities.size() + conditions.ranges.size()
                || conditions.equalities.values().stream().anyMatch(v -> v.size() != 1 || v.get(0) == null)
                || new java.util.HashSet<>(fields).size() != fields.size()) {
            return null;
        }
        int equal = conditions.equalities.size();
        String bounded = conditions.ranges.isEmpty() ? null : conditions.ranges.keySet().iterator().next();
        Range range = bounded == null ? null : conditions.ranges.get(bounded);
        for (Index<P> index : indexes) {
            // a sparse index holds every document with a value for the equalities (none of them is null)
            if (!(index instanceof SecondaryIndex<P> secondary) || (!secondary.indexesMissingAsNull() && equal == 0)) {
                continue;
            }
            List<String> keys = keysOf(index);
            // a bound is on the key right after the grouped fields
            if (bounded != null && (keys.size() <= equal + fields.size()
                    || !keys.get(equal + fields.size()).equals(bounded))) {
                continue;
            }
            if (keys.size() < equal + fields.size()
                    || !new java.util.HashSet<>(keys.subList(0, equal)).equals(conditions.equalities.keySet())
                    || !new java.util.HashSet<>(keys.subList(equal, equal + fields.size()))
                            .equals(new java.util.HashSet<>(fields))) {
                continue;
            }
            List<Object> prefix = keys.subList(0, equal).stream().map(k -> conditions.equalities.get(k).get(0))
                    .toList();
            SecondaryIndex.Grouped<P> grouped = secondary.countsAfter(
                    prefix.isEmpty() ? new KeyValue(List.of()) : new KeyValue(prefix).normalized(), fields.size(),
                    range);
            if (grouped == null) {
                return null;
            }
            // the index's order of the fields → the order asked for
            int[] from = fields.stream().mapToInt(field -> keys.subList(equal, equal + fields.size()).indexOf(field))
                    .toArray();
            Map<List<Object>, Long> counts = new LinkedHashMap<>();
            grouped.counts().forEach((values, count) -> {
                List<Object> asked = new ArrayList<>(fields.size());
                for (int i : from) {
                    asked.add(values.get(i));
                }
                counts.merge(asked, count, Long::sum);
            });
            for (P position : grouped.unknown()) {
                Document document = read.apply(position);
                List<Object> asked = new ArrayList<>(fields.size());
                for (String field : fields) {
                    asked.add(valueAt(document, field));
                }
                counts.merge(asked, 1L, Long::sum);
            }
            return counts;
        }
        return null;
    }

    /** A dotted path's value in a document, {@link #MISSING} when it has none. */
    private static Object valueAt(Document document, String path) {
        Object value = document;
        for (String part : path.split("\\.")) {
            if (!(value instanceof Document inner) || !inner.containsKey(part)) {
                return MISSING;
            }
            value = inner.get(part);
        }
        return value;
    }

    /** The positions an index answers {@code conditions} with exactly, or null when none does. */
    private static <P> Collection<P> covered(List<Index<P>> indexes, Conditions conditions) {
        if (!conditions.exact) {
            return null;
        }
        Plan<P> plan = best(indexes, conditions);
        if (plan == null || !plan.keysUsed().containsAll(conditions.keys())) {
            return null;
        }
        return plan.lookUp();
    }

    /**
     * The positions of the documents that may match {@code query}, in the order {@code orderBy} asks for, read from an
     * index as they are consumed, as MongoDB walks an index for a sort; null when no index gives that order at least as
     * narrowly as the best plan would find the documents. The index must have an equality on each key before the sort
     * keys (one value or several: their walks are merged), then the sort keys in order, all ascending or all
     * descending; a bound on the first sort key narrows the walk. A sparse index gives an order only when the filter
     * requires one of its fields (a document it leaves out could match otherwise). An {@code $or} is read in order when
     * each alternative, with the conditions around it, is such walks of one same index: all of them merged (the
     * caseload: what is due at the caller's prisons, or an outcome to record by a day, soonest first).
     */
    static <P> java.util.Iterator<P> inOrder(List<Index<P>> indexes, Document query, Document orderBy) {
        if (orderBy == null || orderBy.isEmpty()) {
            return null;
        }
        Set<Integer> directions = new java.util.HashSet<>();
        for (Object direction : orderBy.values()) {
            if (!(direction instanceof Number number) || Math.abs(number.intValue()) != 1) {
                return null;
            }
            directions.add(number.intValue());
        }
        if (directions.size() != 1) {
            return null;
        }
        boolean reverse = directions.contains(-1);
        List<String> sortKeys = new ArrayList<>(orderBy.keySet());
        Conditions conditions = new Conditions();
        List<Document> alternatives = new ArrayList<>();
        collect(query, conditions, alternatives);
        List<Conditions> branches = new ArrayList<>();
        if (alternatives.isEmpty()) {
            branches.add(conditions);
        }
        for (Document alternative : alternatives) {
            // an $or: each alternative, with the conditions around it, must be walks of the same index
            Conditions narrower = conditions.copy();
            List<Document> nested = new ArrayList<>();
            collect(alternative, narrower, nested);
            if (!nested.isEmpty()) {
                return null;
            }
            branches.add(narrower);
        }
        List<Plan<P>> best = branches.stream().map(branch -> best(indexes, branch)).toList();
        for (Index<P> index : indexes) {
            if (!(index instanceof SecondaryIndex<P> secondary)) {
                continue;
            }
            List<SecondaryIndex.Walk> walks = new ArrayList<>();
            for (int i = 0; i < branches.size() && walks != null; i++) {
                List<SecondaryIndex.Walk> branchWalks = walks(secondary, branches.get(i), sortKeys, best.get(i));
                if (branchWalks == null) {
                    walks = null;
                } else {
                    walks.addAll(branchWalks);
                }
            }
            if (walks != null) {
                return secondary.inOrder(walks, reverse);
            }
        }
        return null;
    }

    /**
     * The walks of {@code index} that give the documents {@code conditions} may match in {@code sortKeys}' order, or
     * null when it cannot, or would read more than the {@code best} plan: an equality on each key before the sort keys
     * (one walk per combination of their values), then the sort keys, a bound on the first narrowing each walk.
     */
    private static <P> List<SecondaryIndex.Walk> walks(SecondaryIndex<P> index, Conditions conditions,
            List<String> sortKeys, Plan<P> best) {
        List<String> keys = keysOf(index);
        int equal = leadingEqualities(index, keys, conditions, sortKeys);
        if (equal + sortKeys.size() > keys.size() || !keys.subList(equal, equal + sortKeys.size()).equals(sortKeys)) {
            return null;
        }
        Range range = conditions.ranges.get(keys.get(equal));
        Set<String> used = new java.util.HashSet<>(keys.subList(0, equal));
        if (range != null) {
            used.add(keys.get(equal));
        }
        if ((best != null && !used.containsAll(best.keysUsed()))
                || (!index.indexesMissingAsNull() && used.isEmpty())
                || lookups(keys.subList(0, equal), conditions.equalities) > MAX_LOOKUPS) {
            return null;
        }
        return combinations(keys.subList(0, equal), conditions.equalities).stream()
                .map(values -> new SecondaryIndex.Walk(values.isEmpty() ? null : new KeyValue(values).normalized(),
                        range))
                .toList();
    }

    /**
     * The positions of the first {@code limit} documents after {@code skip} that {@code matches} accepts, reading
     * {@code ordered} only that far; {@code read} is told how many documents were read.
     */
    static <P> List<P> firstMatching(java.util.Iterator<P> ordered, Function<P, Document> document,
            java.util.function.Predicate<Document> matches, int skip, int limit,
            java.util.function.IntConsumer read) {
        List<P> page = new ArrayList<>();
        int skipped = 0;
        int documents = 0;
        while (page.size() < limit && ordered.hasNext()) {
            P position = ordered.next();
            documents++;
            if (matches.test(document.apply(position))) {
                if (skipped < skip) {
                    skipped++;
                } else {
                    page.add(position);
                }
            }
        }
        read.accept(documents);
        return page;
    }

    /**
     * What a filter requires of each field, as far as an index can serve it: the values it must equal one of, or a
     * bound. {@code exact} is cleared by any condition an index cannot answer exactly (it is then checked on the
     * documents the index found).
     */
    private static final class Conditions {
        final Map<String, List<Object>> equalities = new LinkedHashMap<>();
        final Map<String, Range> ranges = new LinkedHashMap<>();
        private final Map<String, Object> seen = new LinkedHashMap<>();
        boolean exact = true;

        Conditions copy() {
            Conditions copy = new Conditions();
            copy.equalities.putAll(equalities);
            copy.ranges.putAll(ranges);
            copy.seen.putAll(seen);
            copy.exact = exact;
            return copy;
        }

        Set<String> keys() {
            return seen.keySet();
        }

        void add(String key, Object condition) {
            Object before = seen.putIfAbsent(key, condition);
            if (before != null) {
                // a second condition on one field: the first serves, both are checked on what it finds
                exact &= before.equals(condition);
                return;
            }
            List<Object> values = equalityValues(condition);
            if (values != null) {
                equalities.put(key, values);
                return;
            }
            Range range = range(condition);
            if (range != null) {
                ranges.put(key, range);
            } else {
                exact = false;
            }
        }
    }

    /**
     * How an index serves a filter: an equality on each of its first {@code equalKeys} keys, then, when {@code range}
     * is given, that bound on the next key.
     */
    private record Plan<P>(Index<P> index, Map<String, List<Object>> equalities, int equalKeys, Range range,
            int score) {

        /** The keys the plan's lookups answer. */
        List<String> keysUsed() {
            return keysOf(index).subList(0, equalKeys + (range == null ? 0 : 1));
        }

        /** The positions the index holds for these equalities (and the range on the next key). */
        Collection<P> lookUp() {
            // an empty $in has no combination: nothing is looked up and nothing found
            List<String> keys = keysOf(index);
            List<String> equal = keys.subList(0, equalKeys);
            boolean wholeKey = range == null && equalKeys == keys.size();
            Set<P> found = new LinkedHashSet<>();
            for (List<Object> values : combinations(equal, equalities)) {
                if (index instanceof SecondaryIndex<P> secondary) {
                    KeyValue key = values.isEmpty() ? null : new KeyValue(values).normalized();
                    found.addAll(wholeKey ? secondary.positionsOf(key) : secondary.positionsIn(key, range));
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
    }

    /**
     * The index that serves these conditions best: a unique one with an equality on every key; else the secondary
     * one with the most leading keys given an equality, a bound on the key after them counting a little, and an index
     * whose every key is given an equality a little more (as MongoDB reads a prefix of a compound index); null if none.
     */
    private static <P> Plan<P> best(List<Index<P>> indexes, Conditions conditions) {
        Map<String, List<Object>> equalities = conditions.equalities;
        Plan<P> best = null;
        for (Index<P> index : indexes) {
            Plan<P> plan = plan(index, conditions);
            if (plan == null || lookups(keysOf(index).subList(0, plan.equalKeys()), equalities) > MAX_LOOKUPS) {
                continue;
            }
            if (best == null || plan.score() > best.score()) {
                best = plan;
            }
        }
        return best;
    }

    private static <P> Plan<P> plan(Index<P> index, Conditions conditions) {
        Map<String, List<Object>> equalities = conditions.equalities;
        List<String> keys = keysOf(index);
        if (index instanceof AbstractUniqueIndex) {
            // the library's own unique index: whole-key equality without null only
            return equalities.keySet().containsAll(keys) && !anyNull(keys, equalities)
                    ? new Plan<>(index, equalities, keys.size(), null, 1000 + 4 * keys.size()) : null;
        }
        if (!(index instanceof SecondaryIndex<P> secondary)) {
            return null;
        }
        int equal = leadingEqualities(secondary, keys, conditions, List.of());
        if (equal == keys.size()) {
            return new Plan<>(index, equalities, equal, null, 4 * equal + 2);
        }
        // a bound on the next key narrows more than the same equalities on an index that ends there (status and
        // closedOn before a day, over status alone), less than an equality on that key too
        Range range = conditions.ranges.get(keys.get(equal));
        if (range != null) {
            return new Plan<>(index, equalities, equal, range, 4 * equal + 3);
        }
        return equal == 0 ? null : new Plan<>(index, equalities, equal, null, 4 * equal);
    }

    /**
     * How many of the index's first keys the conditions give an equality an index lookup can answer (a null only where
     * the index holds missing fields as null), stopping at any of {@code stopAt}.
     */
    private static int leadingEqualities(SecondaryIndex<?> index, List<String> keys, Conditions conditions,
            List<String> stopAt) {
        int equal = 0;
        while (equal < keys.size() && !stopAt.contains(keys.get(equal))
                && conditions.equalities.containsKey(keys.get(equal))
                && (index.indexesMissingAsNull() || !conditions.equalities.get(keys.get(equal)).contains(null))) {
            equal++;
        }
        return equal;
    }

    private static boolean anyNull(List<String> keys, Map<String, List<Object>> equalities) {
        return keys.stream().anyMatch(key -> equalities.get(key).contains(null));
    }

    /**
     * The filter's conditions at the top level and in a top-level {@code $and}, and the alternatives of the first
     * {@code $or} found there (a second {@code $or} is only checked on what the first one's plan finds).
     */
    private static void collect(Document filter, Conditions conditions, List<Document> alternatives) {
        for (Map.Entry<String, Object> condition : filter.entrySet()) {
            String key = condition.getKey();
            if (key.equals("$and") && condition.getValue() instanceof Collection<?> all) {
                for (Object each : all) {
                    if (each instanceof Document part) {
                        collect(part, conditions, alternatives);
                    } else {
                        conditions.exact = false;
                    }
                }
            } else if (key.equals("$or") && condition.getValue() instanceof Collection<?> any && alternatives.isEmpty()
                    && any.stream().allMatch(Document.class::isInstance)) {
                any.forEach(alternative -> alternatives.add((Document) alternative));
            } else if (!key.startsWith("$")) {
                conditions.add(key, condition.getValue());
            } else {
                conditions.exact = false;
            }
        }
    }

    /** The values a condition requires the field to equal one of (null: null or missing), or null when it does not. */
    private static List<Object> equalityValues(Object condition) {
        if (condition instanceof Document operators) {
            if (operators.size() != 1) {
                return null;
            }
            if (operators.containsKey("$eq")) {
                return indexable(operators.get("$eq")) ? singleton(operators.get("$eq")) : null;
            }
            if (operators.get("$in") instanceof Collection<?> candidates) {
                return candidates.stream().allMatch(IndexedQueries::indexable) ? new ArrayList<>(candidates) : null;
            }
            return null;
        }
        return indexable(condition) ? singleton(condition) : null;
    }

    /** The one bound of a condition such as {@code {$lt: date}}, or null when it is not one. */
    private static Range range(Object condition) {
        if (condition instanceof Document operators && operators.size() == 1) {
            Map.Entry<String, Object> only = operators.entrySet().iterator().next();
            return Range.of(only.getKey(), only.getValue());
        }
        return null;
    }

    private static List<Object> singleton(Object value) {
        List<Object> values = new ArrayList<>(1);
        values.add(value);
        return values;
    }

    private static boolean indexable(Object value) {
        return !(value instanceof Missing) && !(value instanceof Document)
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
