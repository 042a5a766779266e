package uk.probation.gate.infra.stack.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.InsertManyOptions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bson.Document;

/**
 * Fills every service's store up to a number of people, fast: the template people's raw documents cloned with fresh
 * identifiers and inserted in large batches (insertMany, unordered). The mix: 70 % people in resettlement prisons
 * (most released long ago, about 15 % with an open case), 30 % people on unpaid work orders; prisons in the
 * proportions the busy local prisons take receptions, the four areas evenly; dates spread over the past years; each
 * copy as the services' retention jobs would have left it by now ({@link #steadyState}).
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
        template.byCollection().forEach((where, docs) -> docs.forEach(d -> {
            Document copy = steadyState(where, cloner.copy(d));
            if (copy != null) {
                out.computeIfAbsent(where, k -> new ArrayList<>()).add(copy);
            }
        }));
        return out;
    }

    /**
     * A copy as the services' hourly jobs would have left it by now, years after it was made (their default periods):
     * a delivery-log entry older than two years is gone; one older than two weeks, sent or failed, has had its
     * rendered subject and body removed; a person's copy in referral-service has been looked at by the sweep, which
     * comes back to them a period (30 days) after their reception or after it last looked. Null for a document that
     * would be gone. Seeded as their templates were made, the loaded store would hold years of work those jobs never
     * did, and their first runs after the load, not the idle store, would be what the idle minute measured.
     */
    private Document steadyState(String where, Document copy) {
        Instant now = Instant.now();
        if (where.equals("notifications/notifications") && copy.get("createdAt") instanceof Date created) {
            if (created.toInstant().isBefore(now.minus(Duration.ofDays(730)))) {
                return null;
            }
            if (created.toInstant().isBefore(now.minus(Duration.ofDays(14)))
                    && List.of("SENT", "FAILED").contains(copy.getString("status"))
                    && copy.get("messageRemovedAt") == null) {
                copy.remove("messageSubject");
                copy.remove("messageBody");
                copy.put("messageRemovedAt", Date.from(created.toInstant().plus(Duration.ofDays(14))
                        .plusSeconds(random.nextInt(3600))));
            }
        }
        if (where.equals("referral/people") && copy.get("lastReceivedOn") instanceof Date received) {
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            LocalDate turn = received.toInstant().atZone(ZoneOffset.UTC).toLocalDate().plusDays(30);
            if (!turn.isAfter(today)) {
                turn = today.plusDays(1 + random.nextInt(30));
            }
            copy.put("retentionCheckOn", Date.from(turn.atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        return copy;
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
