package uk.probation.gate.infra.mongo.wire;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
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
                    or(eq("pending", true), eq("ref", "R-00001")),
                    // the first key of a compound index: the range of keys that starts with it, as MongoDB reads it
                    eq("prison", "LEI"), or(eq("prison", "MDI"), eq("prison", "LEI")));
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
                    eq("status", "OPEN"),
                    or(eq("pending", true), gte("version", 1)),
                    // the second key of a compound index alone is not served (nor would MongoDB serve it)
                    eq("status", "CLOSED"));
            for (Bson filter : readingEveryDocument) {
                long scansBefore = collectionScans(db, "indexed");
                assertThat(find(indexed, filter)).as("%s", filter).isEqualTo(find(plain, filter));
                assertThat(collectionScans(db, "indexed")).as("documents read for %s", filter)
                        .isGreaterThan(scansBefore);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aBoundOnADateOrNumberIsReadAsOneRangeOfAnIndexAndAnExactCountReadsNoDocument(String name,
            Supplier<MongoBackend> backend) {
        try (MongoClient client = connect(backend)) {
            MongoDatabase db = client.getDatabase("ranges");
            MongoCollection<Document> indexed = db.getCollection("indexed");
            MongoCollection<Document> plain = db.getCollection("plain");
            indexed.createIndex(Indexes.ascending("createdAt"));
            indexed.createIndex(Indexes.ascending("provider", "status", "respondBy"));
            indexed.createIndex(Indexes.ascending("lastReceivedOn"));
            indexed.createIndex(Indexes.ascending("score"));
            // a compound index whose bound on its last key narrows more than the whole of a shorter one
            indexed.createIndex(Indexes.ascending("status"));
            indexed.createIndex(Indexes.ascending("status", "createdAt"));
            List<Document> referrals = referrals(1200);
            indexed.insertMany(referrals.stream().map(Document::new).toList());
            plain.insertMany(referrals.stream().map(Document::new).toList());
            for (MongoCollection<Document> each : List.of(indexed, plain)) {
                // moving documents between index entries, and a missing field becoming present
                each.updateMany(and(eq("provider", "P1"), eq("status", "SENT")), Updates.set("respondBy",
                        day(LocalDate.of(2026, 11, 20))));
                each.updateMany(eq("status", "CLOSED"), Updates.set("lastReceivedOn", day(LocalDate.of(1999, 1, 1))));
                each.deleteMany(lt("createdAt", Date.from(Instant.parse("2026-01-05T00:00:00Z"))));
            }
            Date cutoff = Date.from(Instant.parse("2026-06-01T12:00:00Z"));
            Date today = day(LocalDate.of(2026, 11, 28));

            List<Bson> exact = List.of(
                    lt("createdAt", cutoff), lte("createdAt", cutoff), gt("createdAt", cutoff),
                    gte("createdAt", Date.from(Instant.parse("2026-03-03T00:00:00Z"))),
                    and(eq("provider", "P1"), in("status", "SENT", "ACCEPTED"), lt("respondBy", today)),
                    and(eq("provider", "P2"), eq("status", "CLOSED"), gte("respondBy", today)),
                    and(eq("provider", "P1"), in("status", "CLOSED", "SENT"), eq("respondBy", null)),
                    and(eq("provider", "P1"), eq("status", "CLOSED")),
                    lt("lastReceivedOn", day(LocalDate.of(2026, 3, 1))), eq("lastReceivedOn", null),
                    lt("score", 0), gte("score", -2.5), gt("score", 100), lte("score", 7),
                    // an $or whose every alternative, with the conditions around it, an index answers exactly (the
                    // caseload's shape), and one whose alternatives overlap: a document is counted once
                    and(or(in("status", "SENT", "ACCEPTED"), and(eq("status", "CLOSED"), gte("respondBy", today))),
                            eq("provider", "P1")),
                    or(eq("provider", "P2"), and(eq("provider", "P2"), eq("status", "SENT")), lt("score", 0)),
                    // retention's shape: closed before a day, or with no day kept, through {status, createdAt}
                    // rather than every document {status} holds for those statuses
                    and(in("status", "SENT", "CLOSED"), lt("createdAt", cutoff)),
                    and(in("status", "SENT", "CLOSED"), or(lt("createdAt", cutoff), eq("createdAt", null))));
            for (Bson filter : exact) {
                long scans = collectionScans(db, "indexed");
                long read = documentsRead(db, "indexed");
                List<Document> expected = find(plain, filter);
                assertThat(indexed.countDocuments(filter)).as("count of %s", filter).isEqualTo(expected.size());
                assertThat(documentsRead(db, "indexed")).as("documents read to count %s", filter).isEqualTo(read);
                assertThat(find(indexed, filter)).as("%s", filter).isEqualTo(expected);
                assertThat(documentsRead(db, "indexed") - read).as("documents read to find %s", filter)
                        .isEqualTo(expected.size());
                assertThat(collectionScans(db, "indexed")).as("scans for %s", filter).isEqualTo(scans);
            }
            assertThat(find(plain, lt("createdAt", cutoff))).isNotEmpty();
            assertThat(find(plain, eq("lastReceivedOn", null))).isNotEmpty();
            assertThat(find(plain, lt("lastReceivedOn", day(LocalDate.of(2026, 3, 1))))).isNotEmpty();

            // served by an index, then checked on what it found: both bounds, an $or of a bound and a null, a second
            // condition on one field
            List<Bson> served = List.of(
                    and(gte("createdAt", cutoff), lt("createdAt", Date.from(Instant.parse("2026-08-01T00:00:00Z")))),
                    or(lt("lastReceivedOn", day(LocalDate.of(2026, 3, 1))), eq("lastReceivedOn", null)),
                    and(eq("provider", "P1"), in("status", "SENT", "CLOSED"), eq("status", "SENT"),
                            lt("respondBy", today)),
                    and(lt("createdAt", cutoff), in("status", "SENT", "FAILED"), ne("provider", "P3")));
            for (Bson filter : served) {
                long scans = collectionScans(db, "indexed");
                List<Document> expected = find(plain, filter);
                assertThat(find(indexed, filter)).as("%s", filter).isEqualTo(expected).isNotEmpty();
                assertThat(indexed.countDocuments(filter)).as("count of %s", filter).isEqualTo(expected.size());
                assertThat(collectionScans(db, "indexed")).as("scans for %s", filter).isEqualTo(scans);
            }
            // a bound on a string, and a count with a condition no index answers, read documents
            long read = documentsRead(db, "indexed");
            assertThat(indexed.countDocuments(and(eq("provider", "P1"), eq("status", "CLOSED"), ne("score", 3))))
                    .isEqualTo(plain.countDocuments(and(eq("provider", "P1"), eq("status", "CLOSED"),
                            ne("score", 3))));
            assertThat(documentsRead(db, "indexed")).isGreaterThan(read);
            long scans = collectionScans(db, "indexed");
            assertThat(find(indexed, lt("provider", "P2"))).isEqualTo(find(plain, lt("provider", "P2")));
            assertThat(collectionScans(db, "indexed")).isGreaterThan(scans);
        }
    }

    @org.junit.jupiter.api.Test
    void aFileWhoseIndexesHaveTheFirstEncodingOpensWithThemBuiltAgain(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) {
        String file = dir.resolve("store.mv").toString();
        Date cutoff = Date.from(Instant.parse("2026-06-01T12:00:00Z"));
        List<Document> expected;
        try (MongoClient client = connect(() -> new SnapshotH2Backend(file))) {
            MongoCollection<Document> referrals = client.getDatabase("files").getCollection("referrals");
            referrals.createIndex(Indexes.ascending("createdAt"));
            referrals.insertMany(referrals(300));
            expected = find(referrals, lt("createdAt", cutoff));
        }
        server.shutdownNow();
        server = null;
        // as the first encoding left it: entries under the old name, none under the new one
        try (org.h2.mvstore.MVStore store = new org.h2.mvstore.MVStore.Builder().fileName(file).open()) {
            String current = H2SecondaryIndex.mapName("files.referrals", "createdAt_1");
            assertThat(store.hasMap(current)).as("the index's map %s", current).isTrue();
            org.h2.mvstore.MVMap<String, Object> legacy = store.openMap(
                    H2SecondaryIndex.legacyMapName("files.referrals", "createdAt_1"));
            legacy.put("tInstant:2026-01-01T00:00:00Z\u0001sr-1", "r-1");
            store.removeMap(current);
        }
        try (MongoClient client = connect(() -> new SnapshotH2Backend(file))) {
            MongoDatabase db = client.getDatabase("files");
            long scans = collectionScans(db, "referrals");
            assertThat(find(db.getCollection("referrals"), lt("createdAt", cutoff))).isEqualTo(expected).isNotEmpty();
            assertThat(collectionScans(db, "referrals")).isEqualTo(scans);
        }
        server.shutdownNow();
        server = null;
        try (org.h2.mvstore.MVStore store = new org.h2.mvstore.MVStore.Builder().fileName(file).open()) {
            assertThat(store.hasMap(H2SecondaryIndex.legacyMapName("files.referrals", "createdAt_1"))).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aSortedPageIsReadFromAnIndexInItsOrderUntilThePageIsFull(String name, Supplier<MongoBackend> backend) {
        try (MongoClient client = connect(backend)) {
            MongoDatabase db = client.getDatabase("sorted");
            MongoCollection<Document> indexed = db.getCollection("indexed");
            MongoCollection<Document> plain = db.getCollection("plain");
            indexed.createIndex(Indexes.compoundIndex(Indexes.ascending("provider", "status"),
                    Indexes.descending("createdAt")));
            indexed.createIndex(Indexes.ascending("createdAt"));
            indexed.createIndex(Indexes.ascending("respondBy"), new IndexOptions().sparse(true));
            indexed.createIndex(Indexes.ascending("provider", "status", "respondBy", "_id"));
            List<Document> referrals = referrals(1500);
            indexed.insertMany(referrals.stream().map(Document::new).toList());
            plain.insertMany(referrals.stream().map(Document::new).toList());
            Date cutoff = Date.from(Instant.parse("2026-06-01T12:00:00Z"));

            record Page(Bson filter, Bson sort, int skip, int limit) {
            }
            List<Page> pages = List.of(
                    new Page(and(eq("provider", "P1"), eq("status", "CLOSED")), Sorts.descending("createdAt"), 0, 5),
                    new Page(and(eq("provider", "P1"), eq("status", "CLOSED")), Sorts.ascending("createdAt"), 4, 6),
                    // two statuses: two walks merged in order
                    new Page(and(eq("provider", "P1"), in("status", "CLOSED", "SENT")), Sorts.descending("createdAt"),
                            3, 10),
                    // a bound on the sort key narrows the walk
                    new Page(and(eq("provider", "P2"), eq("status", "SENT"), lt("createdAt", cutoff)),
                            Sorts.descending("createdAt"), 0, 7),
                    new Page(and(eq("provider", "P2"), eq("status", "SENT"), gte("createdAt", cutoff)),
                            Sorts.ascending("createdAt"), 2, 7),
                    // several values of a leading key and a bound on the sort key (the delivery queue's poll)
                    new Page(and(in("provider", "P1", "P2", "P3"), eq("status", "SENT"), lte("createdAt", cutoff)),
                            Sorts.ascending("createdAt"), 0, 6),
                    // a condition the index does not hold is checked on each document read
                    new Page(and(eq("provider", "P3"), eq("status", "ACCEPTED"), gt("score", 0)),
                            Sorts.ascending("createdAt"), 1, 5),
                    // an $or whose alternatives are walks of one index, merged in its order: the caseload's shape
                    // (what is due at some prisons, or an outcome to record from a day), ties by id
                    new Page(and(in("provider", "P1", "P2"), or(in("status", "SENT", "ACCEPTED"),
                            and(eq("status", "CLOSED"), gte("respondBy", day(LocalDate.of(2026, 11, 20)))))),
                            Sorts.ascending("respondBy", "_id"), 0, 20),
                    new Page(and(or(in("status", "SENT", "ACCEPTED"), and(eq("status", "CLOSED"),
                            gte("respondBy", day(LocalDate.of(2026, 11, 20))))), in("provider", "P1", "P2")),
                            Sorts.ascending("respondBy", "_id"), 25, 10),
                    // the whole collection in order, and from a bound
                    new Page(new Document(), Sorts.descending("createdAt"), 0, 8),
                    new Page(gt("createdAt", cutoff), Sorts.ascending("createdAt"), 5, 5));
            for (Page page : pages) {
                long scans = collectionScans(db, "indexed");
                long read = documentsRead(db, "indexed");
                List<Document> expected = plain.find(page.filter()).sort(page.sort()).skip(page.skip())
                        .limit(page.limit()).into(new ArrayList<>());
                assertThat(indexed.find(page.filter()).sort(page.sort()).skip(page.skip()).limit(page.limit())
                        .into(new ArrayList<>())).as("%s sorted %s", page.filter(), page.sort()).isEqualTo(expected)
                        .hasSize(page.limit());
                assertThat(collectionScans(db, "indexed")).as("scans for %s", page.filter()).isEqualTo(scans);
                long matching = plain.countDocuments(page.filter());
                assertThat(documentsRead(db, "indexed") - read).as("documents read for %s", page.filter())
                        .isLessThan(matching).isLessThanOrEqualTo(3L * (page.skip() + page.limit()) + page.limit());
            }

            // a sparse index gives no order for a filter that does not require its field: documents without it match
            List<Document> withoutRespondBy = indexed.find(new Document()).sort(Sorts.ascending("respondBy"))
                    .limit(400).into(new ArrayList<>());
            assertThat(withoutRespondBy.stream().filter(d -> !d.containsKey("respondBy")).count()).isPositive();
            // mixed directions: read and sorted as before, with the same answer
            Bson mixed = Sorts.orderBy(Sorts.ascending("provider"), Sorts.descending("createdAt"));
            assertThat(indexed.find(eq("status", "SENT")).sort(mixed).limit(9).into(new ArrayList<>()))
                    .isEqualTo(plain.find(eq("status", "SENT")).sort(mixed).limit(9).into(new ArrayList<>()));
        }
    }

    private static Date day(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** Referrals with dates either side of 1970 and 2001 (where a date's digits change length), some fields missing. */
    private static List<Document> referrals(int count) {
        Random random = new Random(28);
        List<String> statuses = List.of("SENT", "ACCEPTED", "CLOSED", "FAILED");
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<Document> referrals = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Document referral = new Document("_id", "r-" + i)
                    .append("provider", "P" + (1 + random.nextInt(3)))
                    .append("status", statuses.get(random.nextInt(statuses.size())))
                    .append("createdAt", Date.from(start.plusSeconds(random.nextInt(330 * 86_400))))
                    .append("score", random.nextInt(5) == 0 ? (Object) (random.nextInt(400) - 200)
                            : (Object) (random.nextDouble() * 20 - 10));
            switch (random.nextInt(4)) {
                case 0 -> referral.append("respondBy", day(LocalDate.of(2026, 11, 1).plusDays(random.nextInt(60))));
                case 1 -> referral.append("respondBy", null);
                default -> { }
            }
            switch (random.nextInt(5)) {
                case 0 -> referral.append("lastReceivedOn", day(LocalDate.of(1960 + random.nextInt(70), 1, 1)
                        .plusDays(random.nextInt(365))));
                case 1 -> referral.append("lastReceivedOn", null);
                case 2 -> { }
                default -> referral.append("lastReceivedOn", day(LocalDate.of(2026, 1, 1)
                        .plusDays(random.nextInt(200))));
            }
            referrals.add(referral);
        }
        return referrals;
    }

    /**
     * A $group by fields an index holds after the match's equalities, summing constants (the release gauges' counts
     * by prison, sex and statuses on release), is answered from the index: the same groups as reading every document,
     * with nulls and missing fields told apart, and no document read for a value the index holds.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aGroupedCountByIndexedFieldsIsAnsweredFromTheIndex(String name, Supplier<MongoBackend> backend) {
        try (MongoClient client = connect(backend)) {
            MongoDatabase db = client.getDatabase("grouped");
            MongoCollection<Document> indexed = db.getCollection("indexed");
            MongoCollection<Document> plain = db.getCollection("plain");
            indexed.createIndex(Indexes.ascending("status", "prisonCode", "sex", "release.accommodation",
                    "release.ete"));
            indexed.createIndex(Indexes.ascending("nextDue", "prisonCode", "nextDueBy"), new IndexOptions().sparse(true));
            Random random = new Random(11);
            List<Document> cases = new ArrayList<>();
            for (int i = 0; i < 1500; i++) {
                Document release = new Document("accommodation", List.of("SETTLED", "TEMPORARY", "NFA").get(
                        random.nextInt(3)));
                switch (random.nextInt(10)) {
                    case 0 -> release.append("ete", null);
                    case 1 -> { }
                    default -> release.append("ete", random.nextBoolean() ? "EMPLOYMENT" : "NONE");
                }
                Document c = new Document("_id", "c-" + i).append("status", List.of("RELEASED", "OPEN").get(
                        random.nextInt(2))).append("prisonCode", List.of("NMI", "LEI", "EXE").get(random.nextInt(3)))
                        .append("sex", random.nextInt(20) == 0 ? null : (random.nextBoolean() ? "MALE" : "FEMALE"));
                if (random.nextInt(25) == 0) {
                    c.remove("sex");
                }
                if (random.nextInt(15) != 0) {
                    c.append("release", release);
                }
                switch (random.nextInt(4)) {
                    case 0 -> { }
                    case 1 -> c.append("nextDue", "SCREENING").append("nextDueBy", null);
                    default -> c.append("nextDue", random.nextBoolean() ? "SCREENING" : "REVIEW").append("nextDueBy",
                            day(LocalDate.of(2026, 11, 1).plusDays(random.nextInt(60))));
                }
                cases.add(c);
            }
            indexed.insertMany(cases.stream().map(Document::new).toList());
            plain.insertMany(cases.stream().map(Document::new).toList());
            List<Bson> pipeline = List.of(new Document("$match", new Document("status", "RELEASED")),
                    new Document("$group", new Document("_id", new Document("prisonCode", "$prisonCode")
                            .append("sex", "$sex").append("accommodationOnRelease", "$release.accommodation")
                            .append("eteOnRelease", "$release.ete")).append("count", new Document("$sum", 1))));

            long read = documentsRead(db, "indexed");
            long scans = collectionScans(db, "indexed");
            List<Document> fromIndex = indexed.aggregate(pipeline).into(new ArrayList<>());
            assertThat(collectionScans(db, "indexed")).isEqualTo(scans);
            // only the documents an index entry holds a null for are read (null or missing: the group tells them apart)
            long holdingNull = cases.stream().filter(c -> c.get("status").equals("RELEASED"))
                    .filter(c -> c.get("sex") == null || !(c.get("release") instanceof Document r)
                            || r.get("ete") == null).count();
            assertThat(holdingNull).isPositive();
            assertThat(documentsRead(db, "indexed") - read).isEqualTo(holdingNull);
            List<Document> expected = plain.aggregate(pipeline).into(new ArrayList<>());
            assertThat(fromIndex).containsExactlyInAnyOrderElementsOf(expected);
            // and with a bound on the key after the grouped one (the overdue gauges: due before today, by prison)
            List<Bson> overdue = List.of(new Document("$match", new Document("nextDue", "SCREENING")
                    .append("nextDueBy", new Document("$lt", day(LocalDate.of(2026, 11, 28))))),
                    new Document("$group", new Document("_id", "$prisonCode").append("count", new Document("$sum", 1))));
            List<Bson> overdueByPrison = List.of(overdue.get(0), new Document("$group", new Document("_id",
                    new Document("prisonCode", "$prisonCode")).append("count", new Document("$sum", 1))));
            read = documentsRead(db, "indexed");
            List<Document> overdueFromIndex = indexed.aggregate(overdueByPrison).into(new ArrayList<>());
            assertThat(documentsRead(db, "indexed")).isEqualTo(read);
            assertThat(overdueFromIndex).containsExactlyInAnyOrderElementsOf(
                    plain.aggregate(overdueByPrison).into(new ArrayList<>())).isNotEmpty();
            assertThat(indexed.aggregate(overdue).into(new ArrayList<>()))
                    .containsExactlyInAnyOrderElementsOf(plain.aggregate(overdue).into(new ArrayList<>()));
            // one field whose documents hold nulls and lack it: one null group, as reading every document gives
            List<Bson> bySex = List.of(new Document("$match", new Document("status", "RELEASED")
                    .append("prisonCode", "NMI")),
                    new Document("$group", new Document("_id", "$sex").append("n", new Document("$sum", 2))));
            read = documentsRead(db, "indexed");
            List<Document> sexes = indexed.aggregate(bySex).into(new ArrayList<>());
            assertThat(sexes).containsExactlyInAnyOrderElementsOf(plain.aggregate(bySex).into(new ArrayList<>()));
            assertThat(sexes.stream().filter(row -> row.get("_id") == null)).as("one null group").hasSize(1);
            assertThat(documentsRead(db, "indexed")).as("only the nulls' documents read").isGreaterThan(read);
            assertThat(collectionScans(db, "indexed")).isEqualTo(scans);
            assertThat(expected.stream().filter(row -> !row.get("_id", Document.class).containsKey("eteOnRelease")))
                    .as("a group whose documents lack the field").isNotEmpty();
            assertThat(expected.stream().filter(row -> row.get("_id", Document.class).containsKey("eteOnRelease")
                    && row.get("_id", Document.class).get("eteOnRelease") == null)).as("a group of nulls").isNotEmpty();
        }
    }

    private static long documentsRead(MongoDatabase db, String collection) {
        return ((Number) db.runCommand(new Document("collStats", collection)).get("documentsReadThroughIndexes"))
                .longValue();
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
