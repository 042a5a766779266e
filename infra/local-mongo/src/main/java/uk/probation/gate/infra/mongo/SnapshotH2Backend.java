package uk.probation.gate.infra.mongo;

import java.util.List;
import java.util.stream.Collectors;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryParameters;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import org.h2.mvstore.MVMap;

/**
 * The H2 backend, except that a query answers with the documents as they stood when it ran, as MongoDB does.
 * <p>
 * mongo-java-server 1.47 answers a query with the stored {@code Document} objects themselves and writes them to the
 * wire after the collection's lock is released; an update meanwhile changes those objects in place. So a reader could
 * see a value written after its query matched, and an update conditioned on that value (a queue claim, a lease, an
 * optimistic version check) then matched a second time: two notifications workers both claimed one queue entry and
 * sent its e-mail twice (ADR 0012). Here a query copies what it matched while it still holds the collection's lock,
 * and findAndModify copies the document it answers with.
 */
final class SnapshotH2Backend extends H2Backend {

    // H2Database's own map names: the data written by the plain backend opens unchanged
    private static final String DATA_MAP_PREFIX = "databases.";
    private static final String META_MAP_PREFIX = "meta.";

    SnapshotH2Backend(String file) {
        super(file);
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
    }

    private static final class Collection extends H2Collection {

        /** Set while a client's query runs (guarded by this collection's lock, which every operation takes). */
        private boolean answeringClient;
        /** Set while findAndModify or a delete runs: they find what they change through the same query, and must
         * change the stored documents, not copies. */
        private boolean changing;

        Collection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
                MVMap<String, Object> meta, CursorRegistry cursors) {
            super(database, name, options, data, meta, cursors);
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

        /** Also the path an update takes to find its documents: those must stay the stored ones, so copies only
         * for a client's query (first batch and the rest its cursor keeps alike). */
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
