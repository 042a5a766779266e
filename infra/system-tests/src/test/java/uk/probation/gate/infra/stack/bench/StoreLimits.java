package uk.probation.gate.infra.stack.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.bson.Document;

/**
 * The raw store's ceiling: the Mongo Java driver against the stack's own wire server, into a scratch database, from
 * as many threads as the system run has clients. Inserts of case-sized documents, then version-checked point updates
 * ({@code updateOne({_id, version}, {$set, $inc version})}, each thread on its own documents, so no conflicts) with the
 * same unique {@code {_id, version}} index the services' aggregate collections have.
 */
final class StoreLimits {

    record Result(double insertsPerSecond, double updatesPerSecond, long documents) {
    }

    private final String uri;
    private final int clients;
    private final Duration each;

    StoreLimits(String uri, int clients, Duration each) {
        this.uri = uri;
        this.clients = clients;
        this.each = each;
    }

    Result measure() throws Exception {
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> scratch = client.getDatabase("bench_scratch").getCollection("limits");
            scratch.drop();
            scratch.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true).name("id_version"));
            List<List<String>> ids = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                ids.add(new ArrayList<>());
            }
            long inserted = run(thread -> {
                String id = UUID.randomUUID().toString();
                scratch.insertOne(caseShaped(id));
                ids.get(thread).add(id);
            });
            double insertRate = inserted / (double) each.toMillis() * 1000;
            List<long[]> versions = new ArrayList<>();
            ids.forEach(own -> versions.add(new long[own.size()]));
            long updated = run(thread -> {
                List<String> own = ids.get(thread);
                int pick = ThreadLocalRandom.current().nextInt(own.size());
                long version = versions.get(thread)[pick];
                long matched = scratch.updateOne(Filters.and(Filters.eq("_id", own.get(pick)),
                        Filters.eq("version", version)), Updates.combine(Updates.set("status", "PLAN_IN_PROGRESS"),
                        Updates.inc("version", 1))).getMatchedCount();
                if (matched != 1) {
                    throw new IllegalStateException("a version-checked update matched " + matched);
                }
                versions.get(thread)[pick] = version + 1;
            });
            double updateRate = updated / (double) each.toMillis() * 1000;
            long documents = scratch.countDocuments();
            client.getDatabase("bench_scratch").drop();
            return new Result(insertRate, updateRate, documents);
        }
    }

    /** Each client thread repeats the operation for the period; how many were done in all. */
    private long run(java.util.function.IntConsumer operation) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long end = System.nanoTime() + each.toNanos();
            List<Future<Long>> done = new ArrayList<>();
            for (int t = 0; t < clients; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    long count = 0;
                    while (System.nanoTime() < end) {
                        operation.accept(thread);
                        count++;
                    }
                    return count;
                }));
            }
            long total = 0;
            for (Future<Long> f : done) {
                total += f.get();
            }
            return total;
        } finally {
            pool.shutdown();
        }
    }

    /** About the size and nesting of a resettlement case with an empty outbox; fake codes only. */
    static Document caseShaped(String id) {
        return new Document("_id", id).append("version", 0L).append("prisonNumber", "Z0000ZZ")
                .append("prisonCode", "NMI").append("status", "SCREENING_DUE").append("sex", "MALE")
                .append("riskOfSeriousHarm", "MEDIUM").append("receivedOn", "2026-01-01")
                .append("screeningDueBy", "2026-01-08").append("expectedReleaseDate", "2026-06-01")
                .append("responsibleOfficerCode", "N01BEN")
                .append("plan", new Document("needs", List.of(new Document("pathway", "ACCOMMODATION")
                        .append("status", "SUPPORT_REQUIRED").append("note", "x".repeat(60)))))
                .append("outbox", List.of()).append("processedEventIds", List.of(UUID.randomUUID().toString()))
                .append("appliedRequests", List.of());
    }
}
