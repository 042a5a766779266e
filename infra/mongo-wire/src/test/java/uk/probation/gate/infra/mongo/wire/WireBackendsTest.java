package uk.probation.gate.infra.mongo.wire;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both backends (the tests' memory one and the local stack's H2 one) behave as MongoDB does where the services depend
 * on it: a query answers with the documents as they stood, writes that find by query change the stored documents,
 * and a filter with an equality on an index's keys is served by that index with the same answer a full read gives.
 */
class WireBackendsTest {

    private static final List<String> PRISONS = List.of("MDI", "LEI", "BWI", "HMI", "WWI", "NMI", "HDI", "EYI");
    private static final List<String> STATUSES = List.of("OPEN", "RELEASED", "CLOSED");

    private MongoServer server;

    static Stream<Arguments> backends() {
        return Stream.of(Arguments.of("memory", (Supplier<MongoBackend>) SnapshotMemoryBackend::new),
                Arguments.of("h2", (Supplier<MongoBackend>) () -> new SnapshotH2Backend(null)));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.shutdownNow();
        }
    }

    private MongoClient connect(Supplier<MongoBackend> backend) {
        server = new MongoServer(backend.get());
        return MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void workersPollingOneQueueClaimEachEntryOnce(String name, Supplier<MongoBackend> backend) throws Exception {
        try (MongoClient client = connect(backend)) {
            Map<String, Integer> claims = MongoServerContract.queueClaimRace(
                    client.getDatabase("claims").getCollection("delivery_queue"), 3000, 4);

            assertThat(claims).as("entries claimed").hasSize(3000);
            assertThat(claims).as("entries claimed by more than one worker").allSatisfy((id, n) -> assertThat(n)
                    .as(id).isOne());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void findAndModifyDeleteAndUpdateChangeTheStoredDocuments(String name, Supplier<MongoBackend> backend) {
        try (MongoClient client = connect(backend)) {
            assertThat(MongoServerContract.writesThatFindByQuery(client.getDatabase("writes").getCollection("leases")))
                    .isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void anIndexedQueryAnswersWhatReadingEveryDocumentAnswersWithoutReadingThem(String name,
            Supplier<MongoBackend> backend) {
        try (MongoClient client = connect(backend)) {
            MongoDatabase db = client.getDatabase("planner");
            MongoCollection<Document> indexed = db.getCollection("indexed");
            MongoCollection<Document> plain = db.getCollection("plain");
            indexed.createIndex(Indexes.ascending("prison", "status"));
            indexed.createIndex(Indexes.ascending("pending"), new IndexOptions().sparse(true));
            indexed.createIndex(Indexes.ascending("tags"));
            indexed.createIndex(Indexes.ascending("claim.holder"));
            indexed.createIndex(Indexes.ascending("ref"), new IndexOptions().unique(true));
            indexed.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true));
            List<Document> people = people(1500);
            indexed.insertMany(people.stream().map(Document::new).toList());
            plain.insertMany(people.stream().map(Document::new).toList());
            // the same changes to both, moving documents between index entries
            for (MongoCollection<Document> each : List.of(indexed, plain)) {
                each.updateMany(and(eq("prison", "MDI"), eq("status", "OPEN")), Updates.set("status", "RELEASED"));
                each.updateMany(eq("prison", "LEI"), Updates.unset("pending"));
                each.updateMany(eq("status", "CLOSED"), Updates.addToSet("tags", "archived"));
                each.updateOne(and(eq("_id", "p-7"), eq("version", 0)), Updates.combine(Updates.inc("version", 1),
                        Updates.set("claim", new Document("holder", "relay-2"))));
                each.deleteMany(and(eq("prison", "HMI"), eq("status", "RELEASED")));
                each.deleteOne(eq("ref", "R-00010"));
            }

            List<Bson> servedByAnIndex = List.of(
                    and(eq("prison", "MDI"), eq("status", "RELEASED")),
                    and(eq("prison", "MDI"), eq("status", "OPEN")),
                    and(in("prison", "BWI", "WWI"), eq("status", "OPEN"), gte("version", 0)),
                    eq("pending", true),
                    and(eq("pending", true), eq("prison", "NMI")),
                    eq("tags", "archived"),
                    eq("claim.holder", "relay-2"),
                    eq("ref", "R-00042"),
                    in("_id", "p-1", "p-2", "p-3", "missing"),
                    and(eq("_id", "p-7"), eq("version", 1)),
                    and(in("_id", "p-4", "p-5"), exists("pending", true), or(exists("claim", false), eq("x", 1))),
                    new Document("$and", List.of(new Document("prison", "EYI"), new Document("status", "CLOSED"),
                            new Document("ref", new Document("$ne", "R-00001")))),
                    // an $or whose every alternative, with the conditions around it, is served by an index
                    and(eq("prison", "NMI"), or(eq("status", "OPEN"), and(eq("status", "CLOSED"), gte("version", 0)))),
                    or(eq("pending", true), eq("ref", "R-00001")));
            for (Bson filter : servedByAnIndex) {
                long scansBefore = collectionScans(db, "indexed");
                assertThat(find(indexed, filter)).as("%s", filter).isEqualTo(find(plain, filter));
                assertThat(indexed.countDocuments(filter)).as("count of %s", filter)
                        .isEqualTo(find(plain, filter).size());
                assertThat(plain.countDocuments(filter)).as("count of %s read from every document", filter)
                        .isEqualTo(find(plain, filter).size());
                assertThat(collectionScans(db, "indexed")).as("documents read for %s", filter)
                        .isEqualTo(scansBefore);
            }

            // an aggregation starting with an indexed $match, grouping by a field (as the gauges do)
            List<Document> byPrison = List.of(new Document("$match", new Document("status", "CLOSED")
                    .append("prison", new Document("$in", List.of("EYI", "NMI")))), new Document("$group",
                    new Document("_id", "$prison").append("n", new Document("$sum", 1))), new Document("$sort",
                    new Document("_id", 1)));
            long scansBeforeGrouping = collectionScans(db, "indexed");
            assertThat(indexed.aggregate(byPrison).into(new ArrayList<>()))
                    .isEqualTo(plain.aggregate(byPrison).into(new ArrayList<>())).isNotEmpty();
            assertThat(collectionScans(db, "indexed")).as("documents read by the aggregation")
                    .isEqualTo(scansBeforeGrouping);

            List<Bson> readingEveryDocument = List.of(gte("version", 1), exists("pending", true), ne("prison", "MDI"),
                    or(eq("prison", "MDI"), eq("prison", "LEI")), eq("status", "OPEN"),
                    or(eq("pending", true), gte("version", 1)),
                    // the first key of a compound index alone is not served (MongoDB would use it)
                    eq("prison", "LEI"));
            for (Bson filter : readingEveryDocument) {
                long scansBefore = collectionScans(db, "indexed");
                assertThat(find(indexed, filter)).as("%s", filter).isEqualTo(find(plain, filter));
                assertThat(collectionScans(db, "indexed")).as("documents read for %s", filter)
                        .isGreaterThan(scansBefore);
            }
        }
    }

    private static List<Document> people(int count) {
        Random random = new Random(14);
        List<Document> people = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Document person = new Document("_id", "p-" + i).append("version", 0)
                    .append("ref", String.format("R-%05d", i))
                    .append("prison", PRISONS.get(random.nextInt(PRISONS.size())))
                    .append("status", STATUSES.get(random.nextInt(STATUSES.size())))
                    .append("tags", List.of("t" + random.nextInt(5), "t" + (5 + random.nextInt(5))));
            if (random.nextInt(4) == 0) {
                person.append("pending", true);
            }
            people.add(person);
        }
        return people;
    }

    private static List<Document> find(MongoCollection<Document> collection, Bson filter) {
        return collection.find(filter).sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }

    private static long collectionScans(MongoDatabase db, String collection) {
        return ((Number) db.runCommand(new Document("collStats", collection)).get("collectionScans")).longValue();
    }
}
