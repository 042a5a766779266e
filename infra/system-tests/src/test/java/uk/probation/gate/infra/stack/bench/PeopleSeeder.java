package uk.probation.gate.infra.stack.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.InsertManyOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bson.Document;

/**
 * Fills every service's store up to a number of people, fast: the template people's raw documents cloned with fresh
 * identifiers and inserted in large batches (insertMany, unordered). The mix: 70 % people in resettlement prisons
 * (most released long ago, about 15 % with an open case), 30 % people on unpaid work orders; prisons in the
 * proportions the busy local prisons take receptions, the four areas evenly; dates spread over the past years.
 */
final class PeopleSeeder {

    private static final int BATCH = 1_000;
    private static final List<String> AREAS = List.of("N53DER", "N53LEI", "N53NOT", "N53RUT");

    private final MongoClient mongo;
    private final Bundle open;
    private final Bundle released;
    private final Bundle order;
    private final Random random = new Random(14);
    private int seeded;

    PeopleSeeder(MongoClient mongo, List<Bundle> templates) {
        this.mongo = mongo;
        this.open = templates.get(0);
        this.released = templates.get(1);
        this.order = templates.get(2);
    }

    int seeded() {
        return seeded;
    }

    /**
     * Adds people until {@code target} are seeded; returns how many documents were inserted. Batches go to the
     * store from a few threads at once (the wire server locks per collection, so different collections load in
     * parallel), with a bounded number in flight.
     */
    long seedUpTo(int target) throws Exception {
        Map<String, List<Document>> pending = new HashMap<>();
        java.util.concurrent.ExecutorService writers = java.util.concurrent.Executors.newFixedThreadPool(4);
        java.util.Deque<java.util.concurrent.Future<Integer>> inFlight = new java.util.ArrayDeque<>();
        long inserted = 0;
        try {
            for (int n = seeded; n < target; n++) {
                if (n > seeded && n % 10_000 == 0) {
                    System.out.println("[bench] " + java.time.Instant.now() + " seeded " + n + " people");
                }
                for (Map.Entry<String, List<Document>> docs : clone(n).entrySet()) {
                    List<Document> batch = pending.computeIfAbsent(docs.getKey(), k -> new ArrayList<>());
                    batch.addAll(docs.getValue());
                    if (batch.size() >= BATCH) {
                        List<Document> full = new ArrayList<>(batch);
                        batch.clear();
                        inFlight.add(writers.submit(() -> insert(docs.getKey(), full)));
                        while (inFlight.size() > 8) {
                            inserted += inFlight.removeFirst().get();
                        }
                    }
                }
            }
            for (Map.Entry<String, List<Document>> rest : pending.entrySet()) {
                List<Document> last = rest.getValue();
                inFlight.add(writers.submit(() -> insert(rest.getKey(), last)));
            }
            while (!inFlight.isEmpty()) {
                inserted += inFlight.removeFirst().get();
            }
        } finally {
            writers.shutdown();
        }
        seeded = Math.max(seeded, target);
        return inserted;
    }

    private Map<String, List<Document>> clone(int n) {
        int kind = n % 10;
        Bundle template;
        long daysBack;
        if (kind < 3) {
            template = order;
            daysBack = random.nextInt(700);
        } else if (kind < 4) {
            template = open;
            daysBack = random.nextInt(90);
        } else {
            template = released;
            daysBack = 30 + random.nextInt(1_500);
        }
        String prison = Receptions.PRISONS.get(random.nextInt(Receptions.PRISONS.size()));
        DocumentCloner cloner = new DocumentCloner(template, PersonNumbers.prisonNumber('S', n),
                PersonNumbers.crn('S', n), prison, AREAS.get(n % AREAS.size()), daysBack, "s" + n);
        Map<String, List<Document>> out = new HashMap<>();
        template.byCollection().forEach((where, docs) -> docs.forEach(d ->
                out.computeIfAbsent(where, k -> new ArrayList<>()).add(cloner.copy(d))));
        return out;
    }

    private int insert(String where, List<Document> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        String[] parts = where.split("/", 2);
        mongo.getDatabase(parts[0]).getCollection(parts[1]).insertMany(new ArrayList<>(batch),
                new InsertManyOptions().ordered(false));
        return batch.size();
    }
}
