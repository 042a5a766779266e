package uk.probation.gate.resettlement.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import uk.probation.gate.contracts.Topics;
import uk.probation.gate.platform.test.Http;
import uk.probation.gate.platform.test.Identifiers;
import uk.probation.gate.platform.test.SarCoverage;
import uk.probation.gate.platform.test.Tokens;

/**
 * Closed cases are kept seven years from the day they closed, then erased and told (ADR 0010): the policy is run
 * directly at instants years ahead (the same context as every other scenario, no period overridden).
 */
abstract class RetentionScenarios extends ScenarioSupport {

    static final String ERASED = "resettlement.case.erased";

    @Autowired
    ClosedCasesRetention closedCases;

    @Autowired
    Clock clock;

    final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @Override
    String[] prisonsUsed() {
        return new String[] {"GTI"};
    }

    @Test
    void aClosedCaseIsErasedSevenYearsAfterItClosedAndEveryServiceIsTold() {
        String closedPerson = Identifiers.prisonNumber();
        String crn = Identifiers.crn();
        Map<String, Object> reception = new HashMap<>(reception(closedPerson, "GTI", today.minusDays(30).toString()));
        reception.put("crn", crn);
        String closed = http.post("/api/cases", caseworker, reception).field("id");
        http.put("/api/cases/" + closed + "/plan", caseworker,
                CaseLifecycleScenarios.plan(CaseLifecycleScenarios.MEN, "Known to partner agency"));
        // HMPPS closes it today, with the outcome still to record: on the caseload for a week
        topics.send(Topics.PRISON_OFFENDER_EVENTS, closedPerson, CaseLifecycleScenarios.movement(closedPerson,
                "prison-offender-events.prisoner.released", "RELEASED", "GTI"), Map.of());
        topics.await(Topics.RESETTLEMENT, CaseLifecycleScenarios.of("resettlement.prisoner.released", closedPerson), 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> pendingOutbox(closed) == 0);
        assertThat(listed(closed)).isTrue();
        String openPerson = Identifiers.prisonNumber();
        String open = http.post("/api/cases", caseworker, reception(openPerson, "GTI",
                today.minusDays(3).toString())).field("id");

        // two days short of seven years after it closed: kept
        closedCases.purge(sevenYearsAfter(-2));
        assertThat(http.get("/api/cases/" + closed, caseworker).status()).isEqualTo(200);
        assertThat(topics.all(Topics.RESETTLEMENT).stream().filter(erasedEventOf(closedPerson))).isEmpty();

        // two days after: erased, the erased event registered in the same save
        long erased = closedCases.purge(sevenYearsAfter(2));

        assertThat(erased).isPositive();
        assertThat(http.get("/api/cases/" + closed, caseworker).status()).isEqualTo(404);
        assertThat(http.get("/api/cases/" + closed, Tokens.forRole("ADMIN")).status()).isEqualTo(404);
        assertThat(http.get("/api/cases/" + closed + "/timeline", caseworker).status()).isEqualTo(404);
        assertThat(listed(closed)).isFalse();
        assertThat(http.get("/subject-access-request?prn=" + closedPerson, Tokens.forSubjectAccess()).status())
                .isEqualTo(204);
        assertThat(http.get("/subject-access-request?crn=" + crn, Tokens.forSubjectAccess()).status())
                .isEqualTo(204);
        JsonNode told = topics.await(Topics.RESETTLEMENT, erasedEventOf(closedPerson), 1).get(0).data();
        assertThat(told.get("caseId").asString()).isEqualTo(closed);
        assertThat(told.get("prisonNumber").asString()).isEqualTo(closedPerson);
        assertThat(told.get("crn").asString()).isEqualTo(crn);
        assertThat(told.get("prisonCode").asString()).isEqualTo("GTI");
        assertThat(told.get("erasedOn").asString()).isEqualTo(LocalDate.ofInstant(sevenYearsAfter(2),
                ZoneOffset.UTC).toString());
        // the tombstone left until the event is published holds no personal data
        await().atMost(Duration.ofSeconds(10)).until(() -> pendingOutbox(closed) == 0);
        org.bson.Document tombstone = mongo.getCollection("cases").find(new org.bson.Document("_id", closed)).first();
        assertThat(tombstone).isNotNull();
        assertThat(tombstone.getString("status")).isEqualTo("ERASED");
        assertThat(tombstone.toJson()).doesNotContain(closedPerson, crn, "Known to partner agency", "GTI");
        assertThat(SarCoverage.collectionsNaming(mongo.getDb(), closedPerson, crn))
                .as("only the audit trail (the subject access requests above) names the person")
                .isSubsetOf(Set.of("audit_log"));

        // the open case stays, whatever its age
        assertThat(http.get("/api/cases/" + open, caseworker).status()).isEqualTo(200);
        assertThat(listed(open)).isTrue();

        // the next run deletes the announced tombstone and erases nothing more; a third changes nothing at all
        assertThat(closedCases.purge(sevenYearsAfter(2))).isZero();
        assertThat(mongo.findById(closed, ResettlementCase.class)).isNull();
        assertThat(closedCases.purge(sevenYearsAfter(2))).isZero();
        assertThat(mongo.findById(open, ResettlementCase.class)).isNotNull();
        assertThat(topics.all(Topics.RESETTLEMENT).stream().filter(erasedEventOf(closedPerson))).hasSize(1);
    }

    @Test
    void theAdminSeesThePolicyWithItsPeriodAndLastRun() {
        Http.Response run = http.post("/api/admin/retention/run", Tokens.forRole("ADMIN"), "");
        assertThat(run.status()).isEqualTo(200);
        assertThat(run.body().get("purged").has("closed-cases")).isTrue();
        JsonNode policies = http.get("/api/admin/retention", Tokens.forRole("ADMIN")).body();
        JsonNode closedCasesPolicy = null;
        for (JsonNode policy : policies) {
            if ("closed-cases".equals(policy.get("name").asString())) {
                closedCasesPolicy = policy;
            }
        }
        assertThat(closedCasesPolicy).isNotNull();
        assertThat(closedCasesPolicy.get("period").asString()).isEqualTo("P7Y");
        assertThat(closedCasesPolicy.get("lastRunAt").asString()).isNotBlank();
        assertThat(http.get("/api/admin/retention", caseworker).status()).isEqualTo(403);
        assertThat(management.metrics()).contains("retention_records_purged_total{application=\"resettlement-service\",policy=\"closed-cases\"}");
    }

    /**
     * Issue 14: a run reads the closed cases whose period ended, not every closed case. With 2,000 cases closed a month
     * ago and 50 closed before closedOn was kept, the first run reads the 50 (and stores their day) and next to none
     * of the 2,000; the next run reads next to none at all. Reading by status read every closed case on every run
     * (60,000 at 100,000 people). The counts come from the Mongo wire server's collStats; real MongoDB does not
     * report them, so there the check is skipped.
     */
    @Test
    void aRunReadsOnlyTheCasesWhosePeriodEndedNotEveryClosedCase() {
        org.junit.jupiter.api.Assumptions.assumeTrue(storeCount("documentsReadThroughIndexes") >= 0,
                "the store reports documents read");
        java.util.Date monthAgo = java.util.Date.from(today.minusDays(30).atStartOfDay(ZoneOffset.UTC).toInstant());
        // superseded, not released: the release gauges, refreshed every second here, read every released case
        java.util.List<org.bson.Document> closedCasesNow = new java.util.ArrayList<>();
        for (int i = 0; i < 2050; i++) {
            org.bson.Document c = new org.bson.Document("_id", java.util.UUID.randomUUID().toString())
                    .append("version", 1L).append("prisonNumber", "Z" + i + "RT").append("prisonCode", "ZZQ")
                    .append("status", "SUPERSEDED").append("receivedOn", monthAgo)
                    .append("outbox", java.util.List.of());
            if (i < 2000) {
                c.append("closedOn", monthAgo);
            }
            closedCasesNow.add(c);
        }
        mongo.getCollection("cases").insertMany(closedCasesNow);
        try {
            long read = storeCount("documentsReadThroughIndexes");
            long scans = storeCount("collectionScans");
            assertThat(closedCases.purge(clock.instant())).isZero();
            assertThat(storeCount("documentsReadThroughIndexes") - read).as("cases read by the first run")
                    .isBetween(50L, 300L);
            assertThat(mongo.getCollection("cases").countDocuments(new org.bson.Document("prisonCode", "ZZQ")
                    .append("closedOn", monthAgo))).as("closedOn stored on the cases closed before it was kept")
                    .isEqualTo(2050);

            read = storeCount("documentsReadThroughIndexes");
            assertThat(closedCases.purge(clock.instant())).isZero();
            assertThat(storeCount("documentsReadThroughIndexes") - read).as("cases read by the next run")
                    .isLessThan(100);
            assertThat(storeCount("collectionScans") - scans).as("scans of the cases").isZero();
        } finally {
            mongo.getCollection("cases").deleteMany(new org.bson.Document("prisonCode", "ZZQ"));
        }
    }

    /** The wire server's count (collStats of the cases) since it started; -1 where it keeps none (real MongoDB). */
    long storeCount(String name) {
        Object value = mongo.getDb().runCommand(new org.bson.Document("collStats", "cases")).get(name);
        return value instanceof Number number ? number.longValue() : -1;
    }

    /** Seven years (the default period) after today, plus {@code days}. */
    Instant sevenYearsAfter(int days) {
        return clock.instant().atOffset(ZoneOffset.UTC).plusYears(7).plusDays(days).toInstant();
    }

    boolean listed(String caseId) {
        for (JsonNode item : http.get("/api/caseload?prisonCode=GTI&size=200", caseworker).body().get("items")) {
            if (caseId.equals(item.get("caseId").asString())) {
                return true;
            }
        }
        return false;
    }

    static java.util.function.Predicate<uk.probation.gate.platform.test.TopicReader.Event> erasedEventOf(
            String prisonNumber) {
        return e -> ERASED.equals(e.header("ce_type")) && prisonNumber.equals(e.key());
    }
}
