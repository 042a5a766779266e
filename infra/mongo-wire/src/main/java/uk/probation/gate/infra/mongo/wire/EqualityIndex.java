package uk.probation.gate.infra.mongo.wire;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A secondary index of the tests' memory backend, held in memory like the backend's documents (the local stack's H2
 * backend keeps its secondary indexes in the file: {@link H2SecondaryIndex}).
 */
final class EqualityIndex<P> extends SecondaryIndex<P> {

    /** Indexed values → (document id → position). */
    private final Map<KeyValue, Map<Object, P>> byValue = new HashMap<>();
    /** Every indexed document's position, by id: a removal is told the document, not its position. */
    private final Map<Object, P> positions = new HashMap<>();

    EqualityIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
    }

    @Override
    Collection<P> positionsOf(KeyValue values) {
        Map<Object, P> found = byValue.get(values);
        return found == null ? List.of() : found.values();
    }

    /** Every indexed value is looked at and sorted: the tests' collections are small. */
    @Override
    java.util.Iterator<P> inOrder(List<Walk> walks, boolean reverse) {
        record Entry<P>(List<Object> rest, Object id, P position) {
        }
        java.util.Comparator<Object> values = de.bwaldvogel.mongo.backend.ValueComparator.asc();
        List<Entry<P>> found = new java.util.ArrayList<>();
        for (Walk walk : walks) {
            KeyValue prefix = walk.prefix();
            Range range = walk.range();
            int next = prefix == null ? 0 : prefix.size();
            byValue.forEach((key, ids) -> {
                for (int i = 0; i < next; i++) {
                    if (!java.util.Objects.equals(key.get(i), prefix.get(i))) {
                        return;
                    }
                }
                if (range == null || range.contains(key.get(next))) {
                    List<Object> rest = key.stream().skip(next).toList();
                    ids.forEach((id, position) -> found.add(new Entry<>(rest, ((KeyValue) id).get(0), position)));
                }
            });
        }
        java.util.Comparator<Entry<P>> order = (a, b) -> {
            for (int i = 0; i < a.rest().size(); i++) {
                int c = values.compare(a.rest().get(i), b.rest().get(i));
                if (c != 0) {
                    return c;
                }
            }
            return values.compare(a.id(), b.id());
        };
        found.sort(reverse ? order.reversed() : order);
        return found.stream().map(Entry::position).distinct().iterator();
    }

    @Override
    Grouped<P> countsAfter(KeyValue prefix, int fields, Range range) {
        Map<List<Object>, Long> counts = new LinkedHashMap<>();
        List<P> unknown = new java.util.ArrayList<>();
        java.util.Set<Object> seen = new java.util.HashSet<>();
        for (Map.Entry<KeyValue, Map<Object, P>> entry : byValue.entrySet()) {
            KeyValue key = entry.getKey();
            boolean matches = key.size() >= prefix.size() + fields;
            for (int i = 0; matches && i < prefix.size(); i++) {
                matches = java.util.Objects.equals(key.get(i), prefix.get(i));
            }
            if (!matches || (range != null && (key.size() <= prefix.size() + fields
                    || !range.contains(key.get(prefix.size() + fields))))) {
                continue;
            }
            List<Object> values = new java.util.ArrayList<>();
            boolean held = true;
            for (int i = prefix.size(); i < prefix.size() + fields; i++) {
                Object value = key.get(i);
                if (value == null || value instanceof de.bwaldvogel.mongo.backend.Missing) {
                    held = false;
                } else if (!(value instanceof String || value instanceof Boolean)) {
                    return null;
                }
                values.add(value);
            }
            for (Map.Entry<Object, P> document : entry.getValue().entrySet()) {
                if (!seen.add(document.getKey())) {
                    return null;
                }
                if (held) {
                    counts.merge(values, 1L, Long::sum);
                } else {
                    unknown.add(document.getValue());
                }
            }
        }
        return new Grouped<>(counts, unknown);
    }

    @Override
    public P getPosition(Document document) {
        return positions.get(idOf(document));
    }

    @Override
    public void add(Document document, P position, MongoCollection<P> collection) {
        if (leavesOut(document)) {
            return;
        }
        Object id = idOf(document);
        for (KeyValue value : getKeyValues(document)) {
            byValue.computeIfAbsent(value, v -> new LinkedHashMap<>(2)).put(id, position);
        }
        positions.put(id, position);
    }

    @Override
    public P remove(Document document) {
        Object id = idOf(document);
        P position = positions.remove(id);
        if (position == null) {
            return null;
        }
        for (KeyValue value : getKeyValues(document)) {
            Map<Object, P> ids = byValue.get(value);
            if (ids != null) {
                ids.remove(id);
                if (ids.isEmpty()) {
                    byValue.remove(value);
                }
            }
        }
        return position;
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection) {
        if (nullAwareEqualsKeys(oldDocument, newDocument) && positions.containsKey(idOf(oldDocument))) {
            return;
        }
        remove(oldDocument);
        add(newDocument, position, collection);
    }

    @Override
    public long getCount() {
        return positions.size();
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public void drop() {
        byValue.clear();
        positions.clear();
    }

    private static Object idOf(Document document) {
        return new KeyValue(new Object[] {document.get("_id")}).normalized();
    }
}
