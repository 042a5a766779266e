package uk.probation.gate.infra.mongo.wire;

import java.util.List;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryParameters;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;

/**
 * The local stack's store: mongo-java-server's H2 file backend, with what a client reads mended as
 * {@link ClientReads} describes, and indexes used as {@link IndexedQueries} describes (secondary indexes are kept
 * in the file: {@link H2SecondaryIndex}). A file written by the plain backend opens unchanged; its secondary indexes
 * are built when it opens.
 */
public final class SnapshotH2Backend extends H2Backend {

    // H2Database's own map names: the data written by the plain backend opens unchanged
    private static final String DATA_MAP_PREFIX = "databases.";
    private static final String META_MAP_PREFIX = "meta.";

    /** On {@code file}; in memory when it is null. */
    public SnapshotH2Backend(String file) {
        super(file);
    }

    /**
     * On {@code file} with a page cache of {@code cacheMegabytes}: pages in the cache hold their documents already
     * read, so a query that finds a few thousand documents through an index does not deserialise each of them again
     * (H2's default cache is 16 MB; ADR 0013).
     */
    public SnapshotH2Backend(String file, int cacheMegabytes) {
        super(new org.h2.mvstore.MVStore.Builder().fileName(file).cacheSize(cacheMegabytes).open());
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    /** Inner: its collections open during H2Database's constructor, so they take the store from the backend. */
    private final class Database extends H2Database {

        Database(String name) {
            super(name, getMvStore(), getCursorRegistry());
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String fullName = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> data = getMvStore().openMap(DATA_MAP_PREFIX + fullName);
            MVMap<String, Object> meta = getMvStore().openMap(META_MAP_PREFIX + fullName);
            return new Collection(this, collectionName, options, data, meta, cursorRegistry);
        }

        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                boolean sparse) {
            // an index of the first encoding is dropped: an empty index is built from the documents when added
            String namespace = getFullCollectionNamespace(collectionName);
            String legacy = H2SecondaryIndex.legacyMapName(namespace, indexName);
            if (getMvStore().hasMap(legacy)) {
                getMvStore().removeMap(legacy);
            }
            MVMap<String, Object> entries = getMvStore().openMap(H2SecondaryIndex.mapName(namespace, indexName));
            return new H2SecondaryIndex(entries, indexName, keys, sparse);
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            String entries = H2SecondaryIndex.mapName(getFullCollectionNamespace(collection.getCollectionName()),
                    indexName);
            if (getMvStore().hasMap(entries)) {
                getMvStore().removeMap(entries);
            }
        }

        @Override
        public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver resolver,
                Oplog oplog) {
            return command.equalsIgnoreCase("aggregate")
                    ? AggregationPushdown.around(query,
                            name -> resolveCollection(name, false), () -> super.handleCommand(channel, command, query, resolver, oplog))
                    : super.handleCommand(channel, command, query, resolver, oplog);
        }
    }

    private static final class Collection extends H2Collection implements AggregationPushdown.Covering {

        /** Used under the collection's lock, like the library's own. */
        private final de.bwaldvogel.mongo.backend.QueryMatcher matcher =
                new de.bwaldvogel.mongo.backend.DefaultQueryMatcher();

        private final ClientReads reads = new ClientReads();

        Collection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
                MVMap<String, Object> meta, CursorRegistry cursors) {
            super(database, name, options, data, meta, cursors);
        }

        @Override
        public synchronized QueryResult handleQuery(QueryParameters query) {
            return reads.query(() -> super.handleQuery(query));
        }

        @Override
        protected QueryResult createQueryResult(List<Document> matched, int batchSize) {
            return super.createQueryResult(reads.answer(matched), batchSize);
        }

        @Override
        public synchronized Document findAndModify(Document query) {
            return reads.findAndModify(() -> super.findAndModify(query));
        }

        @Override
        public synchronized int deleteDocuments(Document selector, int limit, Oplog oplog) {
            return reads.delete(() -> super.deleteDocuments(selector, limit, oplog));
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                Document fields) {
            if (limit > 0) {
                // a page in an index's order: read from the index until the page is full
                java.util.Iterator<Object> ordered = IndexedQueries.inOrder(getIndexes(), query, orderBy);
                if (ordered != null) {
                    List<Object> page = IndexedQueries.firstMatching(ordered, this::getDocument,
                            document -> matcher.matches(document, query), skip, limit,
                            documents -> reads.readingThroughIndex(getFullName(), query, documents));
                    return matchDocuments(query, page, orderBy, 0, 0, batchSize, fields);
                }
            }
            return IndexedQueries.answer(getIndexes(), query,
                    () -> super.queryDocuments(query, orderBy, skip, limit, batchSize, fields),
                    positions -> {
                        reads.readingThroughIndex(getFullName(), query, positions.size());
                        return matchDocuments(query, positions, orderBy, skip, limit, batchSize, fields);
                    });
        }

        /** The library's way of answering without an index: every document is read. */
        @Override
        protected QueryResult matchDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                Document fields) {
            reads.scanning(getFullName(), query, count());
            return super.matchDocuments(query, orderBy, skip, limit, batchSize, fields);
        }

        @Override
        public String namespace() {
            return getFullName();
        }

        @Override
        public synchronized java.util.Collection<?> coveredPositions(Document filter) {
            return IndexedQueries.coveredPositions(getIndexes(), filter);
        }

        @Override
        public synchronized java.util.Map<List<Object>, Long> countsBy(Document filter, List<String> fields) {
            // the documents read (an index entry holding a null) are counted as read through an index
            return IndexedQueries.countsBy(getIndexes(), filter, fields, position -> {
                reads.readingThroughIndex(getFullName(), filter, 1);
                return getDocument(position);
            });
        }

        @Override
        public synchronized Document getStats() {
            return reads.withScans(super.getStats());
        }

        @Override
        public Stream<Document> queryAllAsStream() {
            return AggregationPushdown.allDocuments(this, super::queryAllAsStream,
                    match -> queryDocuments(match, null, 0, 0, 0, null));
        }
    }
}
