package uk.probation.gate.platform.test;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryParameters;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The in-memory backend the tests run on, except that a query answers with the documents as they stood when it ran,
 * as MongoDB does: the same mend as the local stack's {@code SnapshotH2Backend} (which explains the race), so that a
 * test of a claim, lease or version check runs against what production has.
 */
final class SnapshotMemoryBackend extends MemoryBackend {

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
    }

    private static final class Collection extends MemoryCollection {

        /** Set while a client's query runs (guarded by this collection's lock, which every operation takes). */
        private boolean answeringClient;
        /** Set while findAndModify or a delete runs: they find what they change through the same query, and must
         * change the stored documents, not copies. */
        private boolean changing;

        Collection(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
            super(database, name, options, cursors);
        }

        @Override
        public synchronized QueryResult handleQuery(QueryParameters query) {
            if (changing) {
                return super.handleQuery(query);
            }
            answeringClient = true;
            try {
                return super.handleQuery(query);
            } finally {
                answeringClient = false;
            }
        }

        /** An update finds its documents this way too, and this backend changes the stored ones in place: copies
         * only for a client's query. */
        @Override
        protected QueryResult createQueryResult(List<Document> matched, int batchSize) {
            return super.createQueryResult(answeringClient
                    ? matched.stream().map(Document::cloneDeeply).collect(Collectors.toList())
                    : matched, batchSize);
        }

        @Override
        public synchronized Document findAndModify(Document query) {
            changing = true;
            Document result;
            try {
                result = super.findAndModify(query);
            } finally {
                changing = false;
            }
            if (result.get("value") instanceof Document value) {
                result.put("value", value.cloneDeeply());
            }
            return result;
        }

        @Override
        public synchronized int deleteDocuments(Document selector, int limit, Oplog oplog) {
            changing = true;
            try {
                return super.deleteDocuments(selector, limit, oplog);
            } finally {
                changing = false;
            }
        }
    }
}
