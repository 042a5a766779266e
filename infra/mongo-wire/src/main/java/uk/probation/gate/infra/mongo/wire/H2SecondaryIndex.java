package uk.probation.gate.infra.mongo.wire;

import java.util.ArrayList;
import java.util.Collection;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

/**
 * A secondary index of the local stack's H2 backend, kept in the data file beside the documents (one entry per
 * document and indexed value, in the same store commits): it survives restarts without a rebuild and its size does
 * not weigh on the server's heap, which a hundred thousand people's notifications, with several identifier indexes
 * each, would. An entry's key is the encoded values, then the encoded document id, so the documents with given
 * values are one range of keys; its value is the document's position (its id). Dates and numbers are encoded so that
 * their text orders as they do, so the documents whose last indexed field is before or after a date are one range of
 * keys too ({@link #positionsIn}). A missing field is indexed as null, as in MongoDB.
 */
final class H2SecondaryIndex extends SecondaryIndex<Object> {

    private static final char VALUE_SEPARATOR = '\u0000';
    private static final char ID_SEPARATOR = '\u0001';
    private static final char ESCAPE = '\u0002';

    private final MVMap<String, Object> entries;

    H2SecondaryIndex(MVMap<String, Object> entries, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.entries = entries;
    }

    /**
     * The map that holds an index's entries. The version names their encoding: an index file written with another one
     * is dropped on open and built again from the documents ({@code .v2}: dates and numbers in order).
     */
    static String mapName(String collectionNamespace, String indexName) {
        return legacyMapName(collectionNamespace, indexName) + ".v2";
    }

    /** The map of the first encoding (dates as text, numbers unordered), dropped when found. */
    static String legacyMapName(String collectionNamespace, String indexName) {
        return collectionNamespace + "._index_" + indexName;
    }

    @Override
    java.util.Iterator<Object> inOrder(List<SecondaryIndex.Walk> asked, boolean reverse) {
        List<Walk> walks = new ArrayList<>();
        for (SecondaryIndex.Walk walk : asked) {
            String values = walk.prefix() == null ? "" : encode(walk.prefix()) + VALUE_SEPARATOR;
            walks.add(new Walk(values, walk.range(), reverse));
        }
        java.util.Set<Object> given = new java.util.HashSet<>();
        return new java.util.Iterator<>() {
            private Object next = advance();

            private Object advance() {
                while (true) {
                    // the walk whose next key comes first (last, in reverse) among the prefixes' walks
                    Walk first = null;
                    for (Walk walk : walks) {
                        if (walk.suffix() != null && (first == null
                                || (walk.suffix().compareTo(first.suffix()) < 0) != reverse)) {
                            first = walk;
                        }
                    }
                    if (first == null) {
                        return null;
                    }
                    Object position = first.take();
                    if (given.add(position)) {
                        return position;
                    }
                }
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Object next() {
                if (next == null) {
                    throw new java.util.NoSuchElementException();
                }
                Object found = next;
                next = advance();
                return found;
            }
        };
    }

    /** One prefix's keys in order, within a range of the next field, one ahead. */
    private final class Walk {
        private final String prefix;
        private final String typed;
        private final String bound;
        private final Range range;
        private final boolean reverse;
        private final Cursor<String, Object> cursor;
        private String suffix;
        private Object position;

        Walk(String prefix, Range range, boolean reverse) {
            this.prefix = prefix;
            this.range = range;
            this.reverse = reverse;
            this.typed = range == null ? prefix : prefix + typeLetter(range.bound());
            this.bound = range == null ? null : typed + sortable(range.bound());
            String low = range == null || range.below() ? typed : bound;
            String high = range == null || !range.below() ? typed + '\uffff' : bound + '\uffff';
            this.cursor = reverse ? entries.cursor(high, low, true) : entries.cursor(low);
            step();
        }

        String suffix() {
            return suffix;
        }

        Object take() {
            Object taken = position;
            step();
            return taken;
        }

        private void step() {
            suffix = null;
            while (cursor.hasNext()) {
                String key = cursor.next();
                if (!key.startsWith(typed)) {
                    if (!reverse || key.compareTo(typed) < 0) {
                        return;
                    }
                    continue;
                }
                if (range != null) {
                    if (key.length() < bound.length()) {
                        continue;
                    }
                    int order = key.substring(0, bound.length()).compareTo(bound);
                    boolean inside = order == 0 ? range.inclusive() : (order < 0) == range.below();
                    if (!inside) {
                        // the bound itself, excluded, is passed over; anything else is past the range
                        if (order == 0) {
                            continue;
                        }
                        return;
                    }
                }
                suffix = key.substring(prefix.length());
                position = cursor.getValue();
                return;
            }
        }
    }

    @Override
    Grouped<Object> countsAfter(KeyValue prefix, int fields, Range range) {
        String start = prefix.size() == 0 ? "" : encode(prefix) + VALUE_SEPARATOR;
        String bound = range == null ? null : typeLetter(range.bound()) + sortable(range.bound());
        Map<List<Object>, Long> counts = new java.util.LinkedHashMap<>();
        List<Object> unknown = new ArrayList<>();
        java.util.Set<Object> seen = new java.util.HashSet<>();
        Cursor<String, Object> cursor = entries.cursor(start);
        while (cursor.hasNext()) {
            String key = cursor.next();
            if (!key.startsWith(start)) {
                break;
            }
            Object position = cursor.getValue();
            String rest = key.substring(start.length(), key.lastIndexOf(ID_SEPARATOR));
            if (bound != null && !inRange(rest, fields, bound, range)) {
                continue;
            }
            if (!seen.add(position)) {
                return null;
            }
            List<Object> values = new ArrayList<>(fields);
            boolean held = true;
            int from = 0;
            for (int i = 0; i < fields; i++) {
                int end = rest.indexOf(VALUE_SEPARATOR, from);
                String encoded = end < 0 ? rest.substring(from) : rest.substring(from, end);
                from = end < 0 ? rest.length() : end + 1;
                if (encoded.isEmpty()) {
                    return null;
                }
                switch (encoded.charAt(0)) {
                    case 'a' -> {
                        held = false;
                        values.add(null);
                    }
                    case 'e' -> values.add(unescape(encoded.substring(1)));
                    case 'k' -> values.add(Boolean.valueOf(encoded.substring(1)));
                    default -> {
                        return null;
                    }
                }
            }
            if (held) {
                counts.merge(values, 1L, Long::sum);
            } else {
                unknown.add(position);
            }
        }
        return new Grouped<>(counts, unknown);
    }

    /** Whether the encoded value after the first {@code fields} of {@code values} is of the bound's type and in range. */
    private static boolean inRange(String values, int fields, String bound, Range range) {
        int from = 0;
        for (int i = 0; i < fields; i++) {
            int end = values.indexOf(VALUE_SEPARATOR, from);
            if (end < 0) {
                return false;
            }
            from = end + 1;
        }
        int end = values.indexOf(VALUE_SEPARATOR, from);
        String value = end < 0 ? values.substring(from) : values.substring(from, end);
        if (value.length() != bound.length() || value.charAt(0) != bound.charAt(0)) {
            return false;
        }
        int order = value.compareTo(bound);
        return order == 0 ? range.inclusive() : (order < 0) == range.below();
    }

    private static String unescape(String text) {
        if (text.indexOf(ESCAPE) < 0) {
            return text;
        }
        StringBuilder plain = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ESCAPE && i + 1 < text.length()) {
                plain.append((char) (text.charAt(++i) - '0'));
            } else {
                plain.append(c);
            }
        }
        return plain.toString();
    }

    @Override
    Collection<Object> positionsOf(KeyValue values) {
        return positionsFrom(encode(values) + ID_SEPARATOR);
    }

    /** The positions of every entry whose key starts with {@code prefix}. */
    private Collection<Object> positionsFrom(String prefix) {
        List<Object> found = new ArrayList<>();
        Cursor<String, Object> cursor = entries.cursor(prefix);
        while (cursor.hasNext()) {
            String key = cursor.next();
            if (!key.startsWith(prefix)) {
                break;
            }
            found.add(cursor.getValue());
        }
        return found;
    }

    /** The H2 backend's position of a document is its id. */
    @Override
    public Object getPosition(Document document) {
        return null;
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        if (leavesOut(document)) {
            return;
        }
        String id = ID_SEPARATOR + encodeValue(position);
        for (KeyValue values : getKeyValues(document)) {
            entries.put(encode(values) + id, position);
        }
    }

    @Override
    public Object remove(Document document) {
        if (leavesOut(document)) {
            return null;
        }
        Object position = document.get("_id");
        String id = ID_SEPARATOR + encodeValue(position);
        for (KeyValue values : getKeyValues(document)) {
            entries.remove(encode(values) + id);
        }
        return position;
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Object position,
            MongoCollection<Object> collection) {
        if (nullAwareEqualsKeys(oldDocument, newDocument) && leavesOut(oldDocument) == leavesOut(newDocument)) {
            return;
        }
        remove(oldDocument);
        add(newDocument, position, collection);
    }

    @Override
    public long getCount() {
        return entries.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void drop() {
        entries.clear();
    }

    private static String encode(KeyValue values) {
        StringBuilder key = new StringBuilder();
        for (Object value : values) {
            if (!key.isEmpty()) {
                key.append(VALUE_SEPARATOR);
            }
            key.append(encodeValue(value));
        }
        return key.toString();
    }

    /**
     * A value as text that equals another's exactly when the values are equal (both normalized), led by a letter per
     * type in MongoDB's order of types (null, numbers, strings, documents, arrays, object ids, booleans, dates), and
     * with a date or a number as sixteen hex digits that order as the values do: so an index's keys are in the order
     * MongoDB sorts their values (strings by their UTF-16 units).
     */
    private static String encodeValue(Object value) {
        if (value == null || value instanceof Missing) {
            return "a";
        }
        if (value instanceof String text) {
            return "e" + escape(text);
        }
        Object ordered = Range.bound(value);
        if (ordered != null) {
            return typeLetter(ordered) + sortable(ordered);
        }
        if (value instanceof Long big) {
            // beyond a double's exact range: in order by its nearest double, exact after it
            return NUMBER + sortable(big.doubleValue()) + "L" + big;
        }
        if (value instanceof Map<?, ?>) {
            return "g" + escape(String.valueOf(value));
        }
        if (value instanceof Collection<?>) {
            return "h" + escape(String.valueOf(value));
        }
        if (value instanceof ObjectId objectId) {
            return "i" + objectId.getHexData();
        }
        if (value instanceof Boolean) {
            return "k" + value;
        }
        return "z" + value.getClass().getSimpleName() + ":" + escape(String.valueOf(value));
    }

    private static final char NUMBER = 'c';
    private static final char DATE = 'm';

    /** The letter that leads a bound's type in a key. */
    private static char typeLetter(Object bound) {
        return bound instanceof Double ? NUMBER : DATE;
    }

    /** Sixteen hex digits whose text order is the order of the instants or of the doubles. */
    private static String sortable(Object bound) {
        long bits;
        if (bound instanceof Instant instant) {
            bits = instant.toEpochMilli() ^ Long.MIN_VALUE;
        } else {
            long raw = Double.doubleToLongBits((Double) bound);
            bits = raw < 0 ? ~raw : raw ^ Long.MIN_VALUE;
        }
        String hex = Long.toHexString(bits);
        return "0".repeat(16 - hex.length()) + hex;
    }

    private static String escape(String text) {
        if (text.indexOf(VALUE_SEPARATOR) < 0 && text.indexOf(ID_SEPARATOR) < 0 && text.indexOf(ESCAPE) < 0) {
            return text;
        }
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if (c == VALUE_SEPARATOR || c == ID_SEPARATOR || c == ESCAPE) {
                escaped.append(ESCAPE).append((char) ('0' + c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
