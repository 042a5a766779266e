package uk.probation.gate.referral.dataprotection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;
import uk.probation.gate.contracts.Topics;
import uk.probation.gate.platform.test.Http;
import uk.probation.gate.platform.test.Identifiers;
import uk.probation.gate.platform.test.LogCapture;
import uk.probation.gate.platform.test.SarCoverage;
import uk.probation.gate.platform.test.Tokens;
import uk.probation.gate.platform.test.TopicReader;
import uk.probation.gate.referral.DataProtectionEmbedded;

/**
 * Retention (ADR 0010): closed referrals are erased after their period (tombstone and referral.referral.erased, then
 * deleted), an erased resettlement case takes every copy and referral of it with it, the routing history is bounded,
 * and a person copy with no case left is swept. The policies' purge is called with a moved-on instant, as the
 * platform's retention job calls it.
 */
class RetentionEmbeddedIT extends DataProtectionEmbedded {

    private static final String ERASED = "referral.referral.erased";
    /** Not about the person's record: staff's who-did-what (ids), and a 24-hour retry cache. */
    private static final Set<String> NOT_PERSONAL_RECORDS = Set.of("audit_log", "idempotency_keys");

    @Test
    void closedAndUnroutableReferralsAreErasedAfterSevenYearsFromClosingAndOpenOnesStay() {
        String prisonNumber = Identifiers.prisonNumber();
        String caseworker = Tokens.caseworkerAt("retention-caseworker", "NMI");
        String closed = manualReferral(caseworker, prisonNumber, null, "EDUCATION_SKILLS_AND_WORK", Map.of());
        workToClosure(closed, Tokens.forProvider("INGEUS"), "EMPLOYMENT_SECURED");
        String unroutable = manualReferral(caseworker, prisonNumber, null, "HEALTH", Map.of());
        String open = manualReferral(caseworker, prisonNumber, null, "FINANCE_AND_ID", Map.of());
        assertThat(http.get("/api/referrals/" + unroutable, admin).field("status")).isEqualTo("UNROUTABLE");
        var policy = policy("closed-referrals");
        assertThat(policy.period()).isEqualTo("P7Y");

        // a day short of seven years: nothing expires
        Instant almost = clock.instant().atOffset(ZoneOffset.UTC).plusYears(7).minusDays(1).toInstant();
        policy.purge(almost);
        assertThat(http.get("/api/referrals/" + closed, admin).status()).isEqualTo(200);
        assertThat(http.get("/api/referrals/" + unroutable, admin).status()).isEqualTo(200);

        Instant past = clock.instant().atOffset(ZoneOffset.UTC).plusYears(7).plusDays(2).toInstant();
        assertThat(policy.purge(past)).isGreaterThanOrEqualTo(2);

        assertThat(http.get("/api/referrals/" + closed, admin).status()).isEqualTo(404);
        assertThat(http.get("/api/referrals/" + closed + "/end-of-service-report", admin).status()).isEqualTo(404);
        assertThat(http.get("/api/referrals/" + unroutable, admin).status()).isEqualTo(404);
        assertThat(http.get("/api/referrals/" + open, admin).field("status")).isEqualTo("SENT");
        assertThat(ids(http.get("/api/referrals?prisonNumber=" + prisonNumber, admin))).containsExactly(open);
        assertThat(ids(http.get("/api/referrals?status=ERASED&size=200", admin))).isEmpty();
        JsonNode report = http.get("/subject-access-request?prn=" + prisonNumber, Tokens.forSubjectAccess()).body();
        assertThat(report.get("content").get("referrals").findValuesAsString("referralId")).containsExactly(open);

        List<TopicReader.Event> erased = topics.await(Topics.REFERRAL, ofType(ERASED)
                .and(e -> Set.of(closed, unroutable).contains(e.data().get("referralId").asString())), 2);
        assertThat(erased).hasSize(2).allSatisfy(e -> {
            assertThat(e.key()).isEqualTo(prisonNumber);
            assertThat(e.data().get("personReference").get("prisonNumber").asString()).isEqualTo(prisonNumber);
            assertThat(e.data().get("erasedOn").asString()).isEqualTo(today().toString());
            assertThat(e.header("ce_dataschema")).isEqualTo("/schemas/referral.referral.erased/v1.json");
        });
        assertThat(erased.stream().filter(e -> e.data().get("referralId").asString().equals(closed)))
                .allSatisfy(e -> assertThat(e.data().get("providerCode").asString()).isEqualTo("INGEUS"));

        // once the events are out, the next run deletes the tombstones and erases nothing more: a second run is a no-op
        awaitPublished(closed);
        awaitPublished(unroutable);
        assertThat(policy.purge(past)).isZero();
        assertThat(mongo.findById(closed, Document.class, "referrals")).isNull();
        assertThat(mongo.findById(unroutable, Document.class, "referrals")).isNull();
        assertThat(http.get("/api/audit?entityId=" + closed, admin).body().get("items").findValuesAsString("action"))
                .contains("created", "updated", "deleted");
        assertThat(policy.purge(past)).isZero();
        assertThat(topics.all(Topics.REFERRAL).stream().filter(ofType(ERASED)).filter(e -> Set.of(closed, unroutable)
                .contains(e.data().get("referralId").asString()))).hasSize(2);
        assertThat(http.get("/api/referrals/" + open, admin).status()).isEqualTo(200);
    }

    @Test
    void anErasedCaseOnTheTopicTakesEveryReferralAndCopyOfItsPersonWithItAndTellsTheOthers() {
        String prisonNumber = Identifiers.prisonNumber();
        String crn = Identifiers.crn();
        String caseId = UUID.randomUUID().toString();
        String otherPrisonNumber = Identifiers.prisonNumber();
        String otherCase = UUID.randomUUID().toString();
        try (LogCapture logs = LogCapture.capture()) {
            receive(caseId, prisonNumber, crn, "NMI", today().minusDays(30));
            receive(otherCase, otherPrisonNumber, Identifiers.crn(), "NMI", today().minusDays(30));
            List<String> referrals = plan(caseId, prisonNumber, "NMI", "ACCOMMODATION", "EDUCATION_SKILLS_AND_WORK");
            String ete = referrals.stream().filter(id -> "EDUCATION_SKILLS_AND_WORK".equals(http
                    .get("/api/referrals/" + id, admin).field("need"))).findFirst().orElseThrow();
            String accommodation = referrals.stream().filter(id -> !id.equals(ete)).findFirst().orElseThrow();
            workToClosure(ete, Tokens.forProvider("INGEUS"), "EMPLOYMENT_SECURED");
            assertThat(http.post("/api/referrals/" + accommodation + "/acceptance",
                    Tokens.forProvider("IN_HOUSE_HOUSING"), Map.of()).status()).isEqualTo(200);
            String manual = manualReferral(Tokens.caseworkerAt("retention-caseworker", "NMI"), prisonNumber, crn,
                    "FINANCE_AND_ID", Map.of());
            // refused requests on the way: another provider's referral, a caseworker's referral elsewhere
            assertThat(http.get("/api/referrals/" + manual, Tokens.forProvider("INGEUS")).status()).isEqualTo(404);
            assertThat(http.post("/api/referrals", Tokens.caseworkerAt("retention-caseworker", "RTX"),
                    manual(prisonNumber, crn, "FINANCE_AND_ID")).status()).isEqualTo(403);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> http
                    .get("/api/releases/" + caseId, admin).body().path("ete").path("accepted").asBoolean());
            assertThat(http.get("/subject-access-request?prn=" + prisonNumber, Tokens.forSubjectAccess()).status())
                    .isEqualTo(200);

            caseErased(caseId, prisonNumber, crn);

            List<TopicReader.Event> erased = topics.await(Topics.REFERRAL, ofType(ERASED)
                    .and(e -> caseId.equals(e.data().path("caseId").asString(null))), 3);
            assertThat(erased).extracting(e -> e.data().get("referralId").asString())
                    .containsExactlyInAnyOrder(ete, accommodation, manual);
            assertThat(erased).allSatisfy(e -> assertThat(e.data().get("personReference").get("crn").asString())
                    .isEqualTo(crn));
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> http.get("/api/people/" + prisonNumber, admin).status() == 404);
            for (String id : List.of(ete, accommodation, manual)) {
                assertThat(http.get("/api/referrals/" + id, admin).status()).isEqualTo(404);
                awaitPublished(id);
            }
            assertThat(http.get("/api/releases/" + caseId, admin).status()).isEqualTo(404);
            // the tombstones go once their events are out (the next retention run)
            policy("closed-referrals").purge(clock.instant());

            assertThat(http.get("/subject-access-request?prn=" + prisonNumber, Tokens.forSubjectAccess()).status())
                    .isEqualTo(204);
            assertThat(http.get("/subject-access-request?crn=" + crn, Tokens.forSubjectAccess()).status())
                    .isEqualTo(204);
            Set<String> naming = SarCoverage.collectionsNaming(mongo.getDb(), prisonNumber, crn);
            naming.removeAll(NOT_PERSONAL_RECORDS);
            assertThat(naming).isEmpty();
            assertThat(mongo.count(new Query(Criteria.where("caseId").is(caseId)), "referrals")).isZero();
            assertThat(mongo.findById(caseId, Document.class, "case-referrals")).isNull();

            // the other person is untouched
            assertThat(http.get("/api/people/" + otherPrisonNumber, admin).status()).isEqualTo(200);
            assertThat(http.get("/api/releases/" + otherCase, admin).status()).isEqualTo(200);

            // delivered again (a retry, a replay): nothing more is erased, no copy comes back
            caseErased(caseId, prisonNumber, crn);
            String marker = Identifiers.prisonNumber();
            topics.send(Topics.RESETTLEMENT, prisonNumber, """
                    {"caseId":"%s","prisonNumber":"%s","prisonCode":"NMI","receivedOn":"%s","sex":"MALE"}
                    """.formatted(UUID.randomUUID(), marker, today()), headers(UUID.randomUUID().toString(),
                    "resettlement.prisoner.received", marker, RECEIVED_V1));
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> http.get("/api/people/" + marker, admin).status() == 200);
            assertThat(topics.all(Topics.REFERRAL).stream().filter(ofType(ERASED))
                    .filter(e -> caseId.equals(e.data().path("caseId").asString(null)))).hasSize(3);
            assertThat(http.get("/api/people/" + prisonNumber, admin).status()).isEqualTo(404);
            assertThat(http.get("/api/releases/" + caseId, admin).status()).isEqualTo(404);

            // the capture saw the journey (the erasure names the case by id), and no line names the person
            assertThat(logs.lines()).anyMatch(line -> line.contains("Case " + caseId + " erased"));
            assertThat(logs.lines()).anyMatch(line -> line.startsWith("security ") && line.contains("status=404")
                    && line.contains("path=/api/referrals/{id}"));
            logs.assertNoLineContains(prisonNumber, crn);
        }
    }

    @Test
    void theRoutingHistoryKeepsTheNewestVersionsOnly() {
        var policy = policy("routing-history");
        assertThat(policy.period()).isEqualTo("3 versions");
        List<Object> rules = new java.util.ArrayList<>();
        http.get("/api/routing-rules", admin).body().get("items").forEach(rules::add);
        for (int i = 1; i <= 4; i++) {
            Http.Response saved = http.put("/api/routing-rules", Tokens.forUser("history-admin-" + i, "ADMIN",
                    Map.of()), Map.of("rules", rules));
            assertThat(saved.status()).isEqualTo(200);
        }
        assertThat(http.get("/api/routing-rules/changes", admin).body().get("total").asInt()).isGreaterThan(3);

        assertThat(policy.purge(clock.instant())).isPositive();

        Http.Response changes = http.get("/api/routing-rules/changes", admin);
        assertThat(changes.body().get("total").asInt()).isEqualTo(3);
        assertThat(changes.body().get("items").findValuesAsString("changedBy")).containsExactly("history-admin-4",
                "history-admin-3", "history-admin-2");
        assertThat(policy.purge(clock.instant())).isZero();
        // the trim is audited as the service's own doing
        JsonNode row = http.get("/api/audit?entityId=current", admin).body().get("items").get(0);
        assertThat(row.get("actor").asString()).isEqualTo("system");
        assertThat(row.get("changedFields").toString()).contains("changes");
    }

    @Test
    void aPersonCopyWhoseCaseIsGoneIsSweptAfterItsPeriodAndOneWithACaseStays() {
        String orphan = Identifiers.prisonNumber();
        String orphanCase = UUID.randomUUID().toString();
        String kept = Identifiers.prisonNumber();
        receive(orphanCase, orphan, Identifiers.crn(), "NMI", today().minusDays(10));
        receive(UUID.randomUUID().toString(), kept, Identifiers.crn(), "NMI", today().minusDays(10));
        // as a copy left behind before erased cases were remembered: its case record is gone, the person is not
        mongo.remove(new Query(Criteria.where("_id").is(orphanCase)), "release-outcomes");
        var policy = policy("people-without-case");
        assertThat(policy.period()).isEqualTo("P30D");

        policy.purge(clock.instant());
        assertThat(http.get("/api/people/" + orphan, admin).status()).isEqualTo(200);

        assertThat(policy.purge(clock.instant().plus(Duration.ofDays(31)))).isPositive();
        assertThat(http.get("/api/people/" + orphan, admin).status()).isEqualTo(404);
        assertThat(http.get("/api/people/" + kept, admin).status()).isEqualTo(200);
        assertThat(http.get("/subject-access-request?prn=" + orphan, Tokens.forSubjectAccess()).status())
                .isEqualTo(204);
    }

    /**
     * Issue 14: the sweep reads the people whose turn it is, not everyone received before the cutoff. 2,000 people
     * received 60 days ago whose cases are still here: the first run looks at each once and keeps them all; the next
     * run reads next to none (reading "received before the cutoff" read all 2,000 and looked up their cases on every
     * hourly run: 66,453 people at 100,000). The count comes from the Mongo wire server's collStats; real MongoDB
     * does not report it, so there the check is skipped.
     */
    @Test
    void theSweepLooksAtAPersonWithACaseOnceAPeriodNotOnEveryRun() {
        org.junit.jupiter.api.Assumptions.assumeTrue(peopleRead() >= 0, "the store reports documents read");
        var policy = policy("people-without-case");
        policy.purge(clock.instant());
        java.util.Date received = java.util.Date.from(today().minusDays(60).atStartOfDay(ZoneOffset.UTC).toInstant());
        List<Document> people = new java.util.ArrayList<>();
        List<Document> cases = new java.util.ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            String caseId = UUID.randomUUID().toString();
            String prisonNumber = "Z" + i + "SW";
            people.add(new Document("_id", prisonNumber).append("version", 1L).append("prisonNumber", prisonNumber)
                    .append("prisonCode", "ZZQ").append("caseId", caseId).append("lastReceivedOn", received)
                    .append("receptions", 1).append("outbox", List.of()));
            cases.add(new Document("_id", caseId).append("version", 1L).append("prisonNumber", prisonNumber)
                    .append("prisonCode", "ZZQ").append("outbox", List.of()));
        }
        mongo.getCollection("release-outcomes").insertMany(cases);
        mongo.getCollection("people").insertMany(people);
        try {
            long read = peopleRead();
            assertThat(policy.purge(clock.instant())).as("people swept").isZero();
            // each person: read by the walk, and by the update that puts them off
            assertThat(peopleRead() - read).as("people read by the first run").isBetween(2000L, 5000L);

            read = peopleRead();
            assertThat(policy.purge(clock.instant().plus(Duration.ofHours(1)))).isZero();
            assertThat(peopleRead() - read).as("people read by the next run").isLessThan(100);

            // a period later their turn has come again, and a person whose case has gone meanwhile goes
            mongo.remove(new Query(Criteria.where("_id").is(people.get(0).get("caseId"))), "release-outcomes");
            assertThat(policy.purge(clock.instant().plus(Duration.ofDays(31)))).isPositive();
            assertThat(mongo.getCollection("people").countDocuments(new Document("prisonCode", "ZZQ")))
                    .isEqualTo(1999);
        } finally {
            mongo.getCollection("people").deleteMany(new Document("prisonCode", "ZZQ"));
            mongo.getCollection("release-outcomes").deleteMany(new Document("prisonCode", "ZZQ"));
        }
    }

    /**
     * Issue 14: a run reads the referrals whose period ended, not every closed one (60,001 at 100,000 people, on every
     * hourly run). 2,000 closed a month ago and 20 closed before closedAt was kept: the first run reads the 20 and
     * stores their day; the next reads next to none.
     */
    @Test
    void aRunReadsOnlyTheReferralsWhosePeriodEndedNotEveryClosedOne() {
        org.junit.jupiter.api.Assumptions.assumeTrue(read("referrals") >= 0, "the store reports documents read");
        var policy = policy("closed-referrals");
        Instant monthAgo = clock.instant().minus(Duration.ofDays(30));
        List<Document> closed = new java.util.ArrayList<>();
        for (int i = 0; i < 2020; i++) {
            Document referral = new Document("_id", UUID.randomUUID().toString()).append("version", 1L)
                    .append("prisonNumber", "Z" + i + "RF").append("prisonCode", "ZZQ").append("status", "CLOSED")
                    .append("need", "FINANCE_AND_ID").append("createdAt", java.util.Date.from(monthAgo))
                    .append("history", List.of(new Document("status", "CLOSED")
                            .append("at", java.util.Date.from(monthAgo))))
                    .append("outbox", List.of());
            if (i < 2000) {
                referral.append("closedAt", java.util.Date.from(monthAgo));
            }
            closed.add(referral);
        }
        mongo.getCollection("referrals").insertMany(closed);
        try {
            long before = read("referrals");
            assertThat(policy.purge(clock.instant())).isZero();
            assertThat(read("referrals") - before).as("referrals read by the first run").isBetween(20L, 200L);
            assertThat(mongo.getCollection("referrals").countDocuments(new Document("prisonCode", "ZZQ")
                    .append("closedAt", java.util.Date.from(monthAgo)))).isEqualTo(2020);

            before = read("referrals");
            assertThat(policy.purge(clock.instant())).isZero();
            assertThat(read("referrals") - before).as("referrals read by the next run").isLessThan(100);
        } finally {
            mongo.getCollection("referrals").deleteMany(new Document("prisonCode", "ZZQ"));
        }
    }

    private long read(String collection) {
        Object read = mongo.getDb().runCommand(new Document("collStats", collection)).get("documentsReadThroughIndexes");
        return read instanceof Number number ? number.longValue() : -1;
    }

    /** The wire server's count of people read through an index since it started; -1 where it keeps none. */
    private long peopleRead() {
        Object read = mongo.getDb().runCommand(new Document("collStats", "people")).get("documentsReadThroughIndexes");
        return read instanceof Number number ? number.longValue() : -1;
    }

    @Test
    void anAdminSeesEveryPolicyWithItsPeriod() {
        Http.Response policies = http.get("/api/admin/retention", admin);
        assertThat(policies.status()).isEqualTo(200);
        assertThat(policies.body().findValuesAsString("name")).contains("closed-referrals", "routing-history",
                "people-without-case", "erased-case-markers", "idempotency-keys", "audit-log");
        assertThat(http.get("/api/admin/retention", Tokens.forRole("OPS_VIEWER")).status()).isEqualTo(403);
    }
}
