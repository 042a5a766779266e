package uk.probation.gate.infra.mongo.wire;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A secondary (non-unique) index, which mongo-java-server 1.47 accepts and then ignores: here it finds the documents
 * whose indexed fields equal given values. An array field indexes each of its elements, as MongoDB's multikey indexes
 * do; a sparse index leaves out documents that have none of its fields. {@link IndexedQueries} decides when a query
 * uses it; the backend's own index choice never does.
 */
abstract class SecondaryIndex<P> extends Index<P> {

    SecondaryIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
    }

    /** The positions of the documents whose indexed fields equal {@code values} (normalized, in key order). */
    abstract Collection<P> positionsOf(KeyValue values);

    /**
     * The positions of the documents whose first indexed fields equal {@code prefix} (normalized, in key order; null
     * for none) and whose next indexed field is in {@code range} (any value when null): an index read in key order,
     * as MongoDB's bounded index scan. Only values of the bound's own type are in range, as in MongoDB ({@code $lt} a
     * date matches dates).
     */
    final Collection<P> positionsIn(KeyValue prefix, Range range) {
        List<P> found = new java.util.ArrayList<>();
        inOrder(java.util.Collections.singletonList(prefix), range, false).forEachRemaining(found::add);
        return found;
    }

    /**
     * The positions of the documents whose first indexed fields equal one of {@code prefixes} (each normalized, in
     * key order; a null prefix for none) and whose next field is in {@code range} (any value when null), in the order
     * of the indexed values that follow the prefix, highest first when {@code reverse}: MongoDB's index walk for a
     * sort, read as it is consumed. A document an array field indexes twice is given once.
     */
    final java.util.Iterator<P> inOrder(List<KeyValue> prefixes, Range range, boolean reverse) {
        return inOrder(prefixes.stream().map(prefix -> new Walk(prefix, range)).toList(), reverse);
    }

    /** One walk of the index: the entries with this prefix (null for none) whose next field is in the range. */
    record Walk(KeyValue prefix, Range range) {
    }

    /**
     * The positions the {@code walks} find, merged in the order of the indexed values after each walk's prefix
     * (highest first when {@code reverse}), each given once: an {@code $or} whose alternatives are walks of one index
     * read in its order. The walks' prefixes must be of one length.
     */
    abstract java.util.Iterator<P> inOrder(List<Walk> walks, boolean reverse);

    /**
     * The entries whose first indexed fields equal {@code prefix} (normalized, in key order), counted by the values of
     * the {@code fields} keys that follow it, those whose next key is in {@code range} (any, when null): what a
     * {@code $group} of the matching documents by those fields counts,
     * read from the index alone. A value the index holds as null (null or a missing field, which a group tells apart)
     * is given as {@link Grouped#UNKNOWN} with the entry's position, for the caller to read. Null when the index cannot
     * say: a value it cannot give back as it was, or a document indexed more than once (an array).
     */
    abstract Grouped<P> countsAfter(KeyValue prefix, int fields, Range range);

    /** What {@link #countsAfter} found: counts by values, and the positions whose values must be read. */
    record Grouped<P>(Map<List<Object>, Long> counts, List<P> unknown) {
        /** Stands for a value held as null: null or missing, told apart by reading the document. */
        static final Object UNKNOWN = new Object();
    }

    @Override
    public final boolean canHandle(Document query) {
        return false;
    }

    @Override
    public final Iterable<P> getPositions(Document query) {
        throw new UnsupportedOperationException("planned by IndexedQueries");
    }

    @Override
    public void checkAdd(Document document, de.bwaldvogel.mongo.MongoCollection<P> collection) {
        // not unique: nothing to refuse
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument,
            de.bwaldvogel.mongo.MongoCollection<P> collection) {
        // not unique: nothing to refuse
    }

    /** Whether a document without the indexed fields is indexed, as null: a sparse index leaves it out. */
    boolean indexesMissingAsNull() {
        return !isSparse();
    }

    /** Whether a sparse index leaves this document out. */
    boolean leavesOut(Document document) {
        return isSparse() && keys().stream()
                .allMatch(key -> Utils.getSubdocumentValueCollectionAware(document, key) instanceof Missing);
    }
}
