package uk.probation.gate.resettlement.caseload;

import static uk.probation.gate.platform.test.Problems.assertProblem;

import static org.assertj.core.api.Assertions.assertThat;
import uk.probation.gate.platform.test.Identifiers;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import uk.probation.gate.contracts.Topics;
import uk.probation.gate.platform.test.Http;
import uk.probation.gate.platform.test.Tokens;
import uk.probation.gate.platform.test.TopicReader;

/** Opening a case on reception, by a caseworker or an HMPPS movement. */
abstract class ReceptionScenarios extends ScenarioSupport {

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Override
    String[] prisonsUsed() {
        return new String[] {"NMI", "LCI", "RNI", "GTI", "FHI"};
    }

    @Test
    void caseworkerOpensCaseAndTheReceptionIsPublishedOnce() {
        String prisonNumber = Identifiers.prisonNumber();
        Http.Response created = http.post("/api/cases", caseworker, reception(prisonNumber, "NMI", "2026-11-20"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.field("status")).isEqualTo("SCREENING_DUE");
        // Friday 20 November + 5 working days = Friday 27 November
        assertThat(created.field("screeningDueBy")).isEqualTo("2026-11-27");
        String caseId = created.field("id");
        assertThat(created.headers().firstValue("Location")).contains("/api/cases/" + caseId);
        assertThat(http.get("/api/cases/" + caseId, caseworker).field("prisonNumber")).isEqualTo(prisonNumber);

        TopicReader.Event event = topics.await(Topics.RESETTLEMENT, about(prisonNumber), 1).get(0);
        assertThat(event.key()).isEqualTo(prisonNumber);
        assertThat(event.header("ce_specversion")).isEqualTo("1.0");
        assertThat(event.header("ce_source")).isEqualTo("/resettlement-service");
        assertThat(event.header("ce_subject")).isEqualTo(prisonNumber);
        assertThat(event.header("ce_dataschema")).isEqualTo("/schemas/resettlement.prisoner.received/v1.json");
        assertThat(event.header("ce_id")).isNotBlank();
        assertThat(event.header("ce_time")).isNotBlank();
        assertThat(event.data().get("caseId").asString()).isEqualTo(caseId);
        assertThat(event.data().get("responsibleOfficerCode").asString()).isEqualTo("N01RO1");
        assertThat(event.data().has("name")).isFalse();
        await().atMost(Duration.ofSeconds(10)).until(() -> pendingOutbox(caseId) == 0);
        assertThat(topics.all(Topics.RESETTLEMENT).stream().filter(about(prisonNumber))).hasSize(1);
    }

    @Test
    void theSameReceptionTwiceGivesTheSameCaseAndOneEvent() {
        String prisonNumber = Identifiers.prisonNumber();
        Map<String, Object> reception = reception(prisonNumber, "LCI", "2026-11-23");
        Http.Response first = http.post("/api/cases", caseworker, reception);
        Http.Response second = http.post("/api/cases", caseworker, reception);

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.field("id")).isEqualTo(first.field("id"));
        topics.await(Topics.RESETTLEMENT, about(prisonNumber), 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> pendingOutbox(first.field("id")) == 0);
        assertThat(topics.all(Topics.RESETTLEMENT).stream().filter(about(prisonNumber))).hasSize(1);
    }

    @Test
    void anHmppsAdmissionOpensTheCaseOnceHoweverOftenItArrives() {
        String prisonNumber = Identifiers.prisonNumber();
        String admission = hmpps(prisonNumber, "prison-offender-events.prisoner.received", "ADMISSION", "FHI", 1);
        topics.send(Topics.PRISON_OFFENDER_EVENTS, prisonNumber, admission, Map.of());
        topics.send(Topics.PRISON_OFFENDER_EVENTS, prisonNumber, admission, Map.of());
        topics.send(Topics.PRISON_OFFENDER_EVENTS, prisonNumber,
                hmpps(prisonNumber, "prison-offender-events.prisoner.received", "RETURN_FROM_COURT", "FHI", 1),
                Map.of());

        TopicReader.Event event = topics.await(Topics.RESETTLEMENT, about(prisonNumber), 1).get(0);
        assertThat(event.data().get("prisonCode").asString()).isEqualTo("FHI");
        assertThat(event.data().get("sex").asString()).isEqualTo("FEMALE");
        assertThat(event.data().get("receivedOn").asString()).isEqualTo("2026-11-24");
        // a marker after the duplicates: once it is consumed, the duplicates before it were too
        String marker = Identifiers.prisonNumber();
        topics.send(Topics.PRISON_OFFENDER_EVENTS, prisonNumber,
                hmpps(marker, "prison-offender-events.prisoner.received", "ADMISSION", "NMI", 1), Map.of());
        topics.await(Topics.RESETTLEMENT, about(marker), 1);
        assertThat(topics.all(Topics.RESETTLEMENT).stream().filter(about(prisonNumber))).hasSize(1);
        assertThat(mongo.count(Query.query(Criteria.where("prisonNumber").is(prisonNumber)), ResettlementCase.class))
                .isEqualTo(1);
    }

    @Test
    void anAdmissionOutsideTheResettlementPrisonsOpensNothing() {
        String prisonNumber = Identifiers.prisonNumber();
        topics.send(Topics.PRISON_OFFENDER_EVENTS, prisonNumber,
                hmpps(prisonNumber, "prison-offender-events.prisoner.received", "ADMISSION", "BWI", 1), Map.of());
        String marker = Identifiers.prisonNumber();
        topics.send(Topics.PRISON_OFFENDER_EVENTS, prisonNumber,
                hmpps(marker, "prison-offender-events.prisoner.received", "ADMISSION", "NMI", 1), Map.of());
        topics.await(Topics.RESETTLEMENT, about(marker), 1);
        assertThat(topics.all(Topics.RESETTLEMENT).stream().filter(about(prisonNumber))).isEmpty();
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicAndDoNotBlockThePartition() {
        String prisonNumber = Identifiers.prisonNumber();
        topics.send(Topics.PRISON_OFFENDER_EVENTS, prisonNumber, "not json at all", Map.of());
        topics.send(Topics.PRISON_OFFENDER_EVENTS, prisonNumber,
                hmpps(prisonNumber, "prison-offender-events.prisoner.received", "ADMISSION", "NMI", 2), Map.of());
        topics.send(Topics.PRISON_OFFENDER_EVENTS, prisonNumber,
                hmpps(prisonNumber, "prison-offender-events.prisoner.received", "ADMISSION", "NMI", 1), Map.of());

        topics.await(Topics.RESETTLEMENT, about(prisonNumber), 1);
        List<TopicReader.Event> deadLetters = topics.await(DLT, e -> prisonNumber.equals(e.key()), 2);
        assertThat(deadLetters).allSatisfy(dead -> {
            assertThat(dead.header("x-original-topic")).isEqualTo(Topics.PRISON_OFFENDER_EVENTS);
            assertThat(dead.headers()).containsKeys("x-original-partition", "x-original-offset",
                    "x-exception-fqcn", "x-exception-message");
        });
        assertThat(new String(deadLetters.get(0).value())).isEqualTo("not json at all");
        assertThat(deadLetters.get(1).header("x-exception-message")).contains("version");
    }

    @Test
    void hmppsEventsFailingTheirContractAreDeadLetteredAtOnceAndTheNextGoodOneIsProcessed() {
        String prisonNumber = Identifiers.prisonNumber();
        String received = "prison-offender-events.prisoner.received";
        String good = hmpps(prisonNumber, received, "ADMISSION", "NMI", 1);
        List<String> bad = List.of(
                hmpps(prisonNumber, "prison-offender-events.prisoner.merged", "ADMISSION", "NMI", 1),
                good.replace("\"nomsNumber\":\"" + prisonNumber + "\"", "\"nomsNumber\":\"12345\""),
                hmpps(prisonNumber, received, "ADMISSION", "nm1", 1),
                hmpps(prisonNumber, received, "PAROLE", "NMI", 1),
                good.replace("\"occurredAt\":\"2026-11-24T09:15:00Z\",", ""),
                good.replace("2026-11-24T09:15:00Z", "yesterday"));
        bad.forEach(json -> topics.send(Topics.PRISON_OFFENDER_EVENTS, prisonNumber, json, Map.of()));
        topics.send(Topics.PRISON_OFFENDER_EVENTS, prisonNumber, good, Map.of());

        List<TopicReader.Event> deadLetters = topics.await(DLT, e -> prisonNumber.equals(e.key()), bad.size());
        topics.await(Topics.RESETTLEMENT, about(prisonNumber), 1);

        assertThat(deadLetters).hasSize(bad.size()).allSatisfy(dead -> {
            assertThat(dead.header("x-original-topic")).isEqualTo(Topics.PRISON_OFFENDER_EVENTS);
            assertThat(dead.header("x-exception-message")).isNotBlank().doesNotContain(prisonNumber);
        });
        assertThat(deadLetters.stream().map(dead -> dead.header("x-exception-message")).toList())
                .anySatisfy(m -> assertThat(m).contains("unknown type"))
                .anySatisfy(m -> assertThat(m).contains("schema"))
                .anySatisfy(m -> assertThat(m).contains("prisonId"));
        assertThat(mongo.find(Query.query(Criteria.where("prisonNumber").is(prisonNumber)), ResettlementCase.class))
                .singleElement().satisfies(c -> assertThat(c.getPrisonCode()).isEqualTo("NMI"));
        assertThat(mongo.count(Query.query(Criteria.where("prisonNumber").is("12345")), ResettlementCase.class))
                .isZero();
        String caseId = mongo.findOne(Query.query(Criteria.where("prisonNumber").is(prisonNumber)),
                ResettlementCase.class).getId();
        tools.jackson.databind.JsonNode row = http.get("/api/audit?entityId=" + caseId, Tokens.forRole("ADMIN")).body()
                .get("items").get(0);
        assertThat(row.get("actor").asString()).isEqualTo("system");
        assertThat(row.get("operation").asString()).isEqualTo("event prison-offender-events.prisoner.received");
        assertThat(row.get("correlationId").asString()).startsWith("prison-offender-events-");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(management.metrics()).containsPattern(
                "events_consumed_total\\{application=\"resettlement-service\",result=\"handled\",topic=\"prison-offender-events\",type=\"prison-offender-events.prisoner.received\"} [1-9]"));
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndChangesNothing() {
        String prisonNumber = Identifiers.prisonNumber();
        Map<String, Object> missing = new java.util.HashMap<>(reception(prisonNumber, "NMI", "2026-11-20"));
        missing.remove("sex");
        assertProblem(http.post("/api/cases", caseworker, missing), 400, "sex");
        assertProblem(http.post("/api/cases", caseworker, reception("12345", "NMI", "2026-11-20")), 400,
                "prisonNumber");
        Map<String, Object> badRisk = new java.util.HashMap<>(reception(prisonNumber, "NMI", "2026-11-20"));
        badRisk.put("riskOfSeriousHarm", "EXTREME");
        assertProblem(http.post("/api/cases", caseworker, badRisk), 400, "riskOfSeriousHarm");
        assertProblem(http.post("/api/cases", caseworker, reception(prisonNumber, "XYZ", "2026-11-20")), 422,
                "prisonCode");
        assertProblem(http.post("/api/cases", caseworker, "{not json"), 400, null);

        assertThat(mongo.count(Query.query(Criteria.where("prisonNumber").is(prisonNumber)), ResettlementCase.class))
                .isZero();
        String marker = Identifiers.prisonNumber();
        http.post("/api/cases", caseworker, reception(marker, "NMI", "2026-11-20"));
        topics.await(Topics.RESETTLEMENT, about(marker), 1);
        assertThat(topics.all(Topics.RESETTLEMENT).stream().filter(about(prisonNumber))).isEmpty();
    }

    @Test
    void onlyACaseworkerTokenOpensACase() {
        Map<String, Object> reception = reception(Identifiers.prisonNumber(), "NMI", "2026-11-20");
        Http.Response anonymous = http.post("/api/cases", null, reception);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(http.post("/api/cases", Tokens.fromOtherIssuer("RESETTLEMENT_CASEWORKER"), reception).status())
                .isEqualTo(401);
        Http.Response wrongRole = http.post("/api/cases", Tokens.forRole("PLACEMENT_COORDINATOR"), reception);
        assertThat(wrongRole.status()).isEqualTo(403);
        assertThat(wrongRole.contentType()).startsWith("application/problem+json");
        assertThat(http.post("/api/cases", caseworker, reception).status()).isEqualTo(201);
        assertThat(http.get("/api/cases/unknown", Tokens.forRole("OPS_VIEWER")).status()).isEqualTo(404);
        assertThat(http.get("/api/cases/unknown", Tokens.forRole("PROVIDER")).status()).isEqualTo(403);
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstAnswer() {
        String prisonNumber = Identifiers.prisonNumber();
        Map<String, String> key = Map.of("Idempotency-Key", "reception-" + prisonNumber);
        Http.Response first = http.post("/api/cases", caseworker, reception(prisonNumber, "RNI", "2026-11-20"), key);
        Http.Response again = http.post("/api/cases", caseworker, reception(prisonNumber, "RNI", "2026-11-20"), key);
        Http.Response reused = http.post("/api/cases", caseworker, reception(prisonNumber, "RNI", "2026-11-19"), key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(again.field("id")).isEqualTo(first.field("id"));
        assertThat(reused.status()).isEqualTo(422);
        assertThat(mongo.count(Query.query(Criteria.where("prisonNumber").is(prisonNumber)), ResettlementCase.class))
                .isEqualTo(1);
    }

    /**
     * An instance killed between taking the key and answering leaves it "in progress" with nobody to finish it:
     * until its lease runs out a retry is told to wait (409); after, the retry runs and opens the case, once.
     */
    @Test
    void aKeyLeftInProgressByAKilledInstanceIsTakenOverByTheRetryOnceItsLeaseRunsOut() {
        String prisonNumber = Identifiers.prisonNumber();
        Map<String, String> key = Map.of("Idempotency-Key", "killed-" + prisonNumber);
        Http.Response first = http.post("/api/cases", caseworker, reception(prisonNumber, "RNI", "2026-11-20"), key);
        assertThat(first.status()).isEqualTo(201);
        // what the killed instance left: the key taken, no answer stored, and (it died first) no case
        Query left = Query.query(Criteria.where("body").regex(first.field("id")));
        mongo.updateFirst(left, new org.springframework.data.mongodb.core.query.Update().set("state", "IN_PROGRESS")
                .set("leaseUntil", java.util.Date.from(java.time.Instant.now().plusSeconds(3600)))
                .unset("status").unset("body"), "idempotency_keys");
        mongo.remove(Query.query(Criteria.where("prisonNumber").is(prisonNumber)), ResettlementCase.class);

        Http.Response whileLeased = http.post("/api/cases", caseworker, reception(prisonNumber, "RNI", "2026-11-20"), key);
        assertThat(whileLeased.status()).isEqualTo(409);

        mongo.updateFirst(Query.query(Criteria.where("state").is("IN_PROGRESS").and("requestHash").exists(true)
                        .and("leaseUntil").gt(java.util.Date.from(java.time.Instant.now().plusSeconds(600)))),
                new org.springframework.data.mongodb.core.query.Update()
                        .set("leaseUntil", java.util.Date.from(java.time.Instant.now().minusSeconds(1))),
                "idempotency_keys");
        Http.Response retried = http.post("/api/cases", caseworker, reception(prisonNumber, "RNI", "2026-11-20"), key);
        Http.Response replayed = http.post("/api/cases", caseworker, reception(prisonNumber, "RNI", "2026-11-20"), key);

        assertThat(retried.status()).isEqualTo(201);
        assertThat(replayed.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(replayed.field("id")).isEqualTo(retried.field("id"));
        assertThat(mongo.count(Query.query(Criteria.where("prisonNumber").is(prisonNumber)), ResettlementCase.class))
                .isEqualTo(1);
    }

    /** Admins see the single-writer work: which lease is held by whom, what waits in the outbox, dead letters. */
    @Test
    void adminsSeeTheLeasesTheOutboxAndTheDeadLettersOfBackgroundWork() {
        http.post("/api/cases", caseworker, reception(Identifiers.prisonNumber(), "RNI", "2026-11-20"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Http.Response work = http.get("/api/admin/background-work", Tokens.forRole("ADMIN"));
            assertThat(work.status()).isEqualTo(200);
            assertThat(work.field("service")).isEqualTo("resettlement-service");
            assertThat(work.body().at("/outbox/pendingAggregates").asLong()).isZero();
            List<String> leases = new java.util.ArrayList<>();
            work.body().get("leases").forEach(lease -> leases.add(lease.get("name").asString()));
            // the relay's sweep has taken (and given back) its lease at least once
            assertThat(leases).contains("outbox-sweep");
            assertThat(work.body().get("deadLetters").isNumber()).isTrue();
        });
        assertThat(http.get("/api/admin/background-work", caseworker).status()).isEqualTo(403);
    }

    private java.net.http.HttpResponse<String> scrapeAsPrometheus() {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus"))
                    .header("Accept", "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5")
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void healthAndMetricsAreOpenAndTellTheTruth() {
        Http.Response health = management.get("/actuator/health", Tokens.forRole("ADMIN"));
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.field("status")).isEqualTo("UP");
        assertThat(health.body().get("components").get("mongo").get("status").asString()).isEqualTo("UP");
        assertThat(management.get("/actuator/health", null).body().has("components")).isFalse();
        http.post("/api/cases", caseworker, reception(Identifiers.prisonNumber(), "GTI", "2026-11-20"));
        String metrics = management.metrics();
        assertThat(metrics).containsPattern(
                "resettlement_cases_received_total\\{application=\"resettlement-service\",prison=\"GTI\",sex=\"MALE\"} [1-9]");
        assertThat(metrics).contains("outbox_oldest_pending_age_seconds");
        assertThat(http.get("/v3/api-docs", null).status()).isEqualTo(200);
        // what Prometheus asks for: OpenMetrics, with no trace exemplar (Prometheus before 2.43 drops such a scrape)
        java.net.http.HttpResponse<String> openMetrics = scrapeAsPrometheus();
        assertThat(openMetrics.headers().firstValue("Content-Type").orElse("")).startsWith("application/openmetrics-text");
        assertThat(openMetrics.body()).contains("http_server_requests_seconds_count").doesNotContain("trace_id");
        // and nothing pushes metrics to an OTLP collector nobody runs (a warning a minute otherwise)
        assertThat(context.getBeanDefinitionNames()).noneMatch(name -> name.toLowerCase().contains("otlpmeterregistry"));
    }
}
