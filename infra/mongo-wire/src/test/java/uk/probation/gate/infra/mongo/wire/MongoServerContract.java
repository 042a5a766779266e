package uk.probation.gate.infra.mongo.wire;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;

/**
 * What every claim, lease and optimistic version check relies on, tried against a Mongo server: a document a query
 * returned is the document as it stood, so an update conditioned on a value the query read matches only while that
 * value still holds. The notifications delivery queue is the case that found it: several workers poll the same due
 * entries and each claims one by a conditional update on the {@code dueAt} it read.
 */
final class MongoServerContract {

    private MongoServerContract() {
    }

    /** How often each entry was claimed, after {@code workers} threads claimed all {@code entries} between them. */
    public static Map<String, Integer> queueClaimRace(MongoCollection<Document> queue, int entries, int workers)
            throws Exception {
        List<Document> due = new ArrayList<>();
        for (int i = 0; i < entries; i++) {
            due.add(new Document("_id", "entry-" + i).append("dueAt", 0L));
        }
        queue.insertMany(due);
        Map<String, AtomicInteger> claims = new ConcurrentHashMap<>();
        AtomicLong ticket = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                running.add(pool.submit(() -> {
                    List<Document> batch;
                    // due: dueAt 0; a claim moves it to a positive ticket, one per attempt
                    while (!(batch = queue.find(Filters.lte("dueAt", 0L)).sort(Sorts.ascending("_id")).limit(50)
                            .into(new ArrayList<>())).isEmpty()) {
                        for (Document entry : batch) {
                            if (queue.updateOne(Filters.and(Filters.eq("_id", entry.get("_id")),
                                    Filters.eq("dueAt", entry.get("dueAt"))),
                                    Updates.set("dueAt", ticket.incrementAndGet())).getModifiedCount() == 1) {
                                claims.computeIfAbsent(entry.getString("_id"), id -> new AtomicInteger())
                                        .incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : running) {
                worker.get();
            }
        } finally {
            pool.shutdown();
        }
        Map<String, Integer> counted = new java.util.TreeMap<>();
        claims.forEach((id, count) -> counted.put(id, count.get()));
        return counted;
    }

    /**
     * What the writes that find their document by a query leave stored (a server that answers queries with copies
     * must still change the stored documents): a findAndModify's change, a delete's removal, an update's change.
     * Empty when all three held; otherwise what went wrong.
     */
    public static List<String> writesThatFindByQuery(MongoCollection<Document> collection) {
        List<String> wrong = new ArrayList<>();
        collection.insertMany(List.of(new Document("_id", "lease").append("holder", "a"),
                new Document("_id", "gone").append("v", 1), new Document("_id", "kept").append("v", 1)));
        Document answered = collection.findOneAndUpdate(Filters.eq("_id", "lease"), Updates.set("holder", "b"),
                new com.mongodb.client.model.FindOneAndUpdateOptions()
                        .returnDocument(com.mongodb.client.model.ReturnDocument.AFTER));
        if (answered == null || !"b".equals(answered.getString("holder"))) {
            wrong.add("findAndModify answered " + answered);
        }
        if (!"b".equals(collection.find(Filters.eq("_id", "lease")).first().getString("holder"))) {
            wrong.add("findAndModify's change was not stored");
        }
        collection.deleteOne(Filters.eq("_id", "gone"));
        if (collection.find(Filters.eq("_id", "gone")).first() != null) {
            wrong.add("the deleted document is still there");
        }
        collection.updateOne(Filters.eq("_id", "kept"), Updates.inc("v", 1));
        if (collection.find(Filters.eq("_id", "kept")).first().getInteger("v") != 2) {
            wrong.add("the update's change was not stored");
        }
        return wrong;
    }
}
