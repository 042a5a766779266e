package uk.probation.gate.infra.mongo.wire;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A secondary (non-unique) index, which mongo-java-server 1.47 accepts and then ignores: here it finds the documents
 * whose indexed fields equal given values. Kept in memory and built from the documents when the collection opens
 * (the H2 backend rebuilds it on every start); an array field indexes each of its elements, as MongoDB's multikey
 * indexes do. {@link IndexedQueries} decides when a query uses it.
 */
final class EqualityIndex<P> extends Index<P> {

    /** Indexed values → (document id → position). */
    private final Map<KeyValue, Map<Object, P>> byValue = new HashMap<>();
    /** Every indexed document's position, by id: a removal is told the document, not its position. */
    private final Map<Object, P> positions = new HashMap<>();

    EqualityIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
    }

    /** The positions of the documents whose indexed fields equal {@code values} (normalized, in key order). */
    Collection<P> positionsOf(KeyValue values) {
        Map<Object, P> found = byValue.get(values);
        return found == null ? List.of() : found.values();
    }

    List<String> keyNames() {
        return keys();
    }

    @Override
    public P getPosition(Document document) {
        return positions.get(idOf(document));
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        // not unique: nothing to refuse
    }

    @Override
    public void add(Document document, P position, MongoCollection<P> collection) {
        if (isSparse() && hasNoIndexedField(document)) {
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
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        // not unique: nothing to refuse
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection) {
        if (nullAwareEqualsKeys(oldDocument, newDocument) && positions.containsKey(idOf(oldDocument))) {
            return;
        }
        remove(oldDocument);
        add(newDocument, position, collection);
    }

    /** Queries are planned by {@link IndexedQueries}, never through the backend's own index choice. */
    @Override
    public boolean canHandle(Document query) {
        return false;
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        throw new UnsupportedOperationException("planned by IndexedQueries");
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

    private boolean hasNoIndexedField(Document document) {
        return keys().stream().allMatch(key -> Utils.getSubdocumentValueCollectionAware(document, key)
                instanceof Missing);
    }

    private static Object idOf(Document document) {
        return new KeyValue(new Object[] {document.get("_id")}).normalized();
    }
}
