package uk.probation.gate.infra.mongo.wire;

import java.util.List;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryParameters;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;

/**
 * The tests' store: mongo-java-server's in-memory backend, mended exactly as the local stack's
 * {@link SnapshotH2Backend} is, so that a test of a claim, a lease, a version check or an indexed query runs against
 * what the stack runs.
 */
public final class SnapshotMemoryBackend extends MemoryBackend {

    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getCursorRegistry());
    }

    private static final class Database extends MemoryDatabase {

        Database(String name, CursorRegistry cursors) {
            super(name, cursors);
        }

        @Override
        protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
            return new Collection(this, collectionName, options, cursorRegistry);
        }

        @Override
        protected Index<Integer> openOrCreateSecondaryIndex(String collectionName, String indexName,
                List<IndexKey> keys, boolean sparse) {
            return new EqualityIndex<>(indexName, keys, sparse);
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

    private static final class Collection extends MemoryCollection implements AggregationPushdown.Covering {

        /** Used under the collection's lock, like the library's own. */
        private final de.bwaldvogel.mongo.backend.QueryMatcher matcher =
                new de.bwaldvogel.mongo.backend.DefaultQueryMatcher();

        private final ClientReads reads = new ClientReads();

        Collection(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
            super(database, name, options, cursors);
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
                java.util.Iterator<Integer> ordered = IndexedQueries.inOrder(getIndexes(), query, orderBy);
                if (ordered != null) {
                    List<Integer> page = IndexedQueries.firstMatching(ordered, this::getDocument,
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
