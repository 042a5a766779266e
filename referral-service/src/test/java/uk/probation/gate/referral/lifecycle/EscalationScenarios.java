package uk.probation.gate.referral.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import uk.probation.gate.contracts.Topics;
import uk.probation.gate.platform.test.Identifiers;
import uk.probation.gate.platform.test.Http;
import uk.probation.gate.platform.test.Tokens;
import uk.probation.gate.platform.test.TopicReader;

/**
 * Referrals nobody answers in time, late starts and late outcomes are escalated once and counted, by one of two
 * instances.
 */
abstract class EscalationScenarios extends ReferralScenarioSupport {

    // each escalation scenario has a first provider of its own, so the overdue counts are its own whatever ran before
    @Test
    void aReferralNobodyAnswersInTimeEscalatesToTheNextProviderAndIsCounted() {
        List<Object> rules = new ArrayList<>(currentRules());
        rules.add(Map.of("need", "ABUSE_VICTIM_SUPPORT", "prisonCode", "ESC", "sex", "MALE",
                "providerCode", "WOMENS_WORK", "priority", 1, "responseDays", 0));
        rules.add(Map.of("need", "ABUSE_VICTIM_SUPPORT", "prisonCode", "ESC", "sex", "MALE",
                "providerCode", "CHANGING_LIVES", "priority", 2, "responseDays", 0));
        assertThat(http.put("/api/routing-rules", admin, Map.of("rules", rules)).status()).isEqualTo(200);
        String prisonNumber = Identifiers.prisonNumber();
        String id = manualReferral(prisonNumber, "ABUSE_VICTIM_SUPPORT", "ESC", "MALE", "LOW");
        String respondBy = http.get("/api/referrals/" + id, admin).field("respondBy");
        assertThat(respondBy).isNotBlank();
        double overdueBefore = overdue("ABUSE_VICTIM_SUPPORT", "WOMENS_WORK");

        clock.advance(Duration.ofDays(2));
        Http.Response escalated = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> http.get("/api/referrals/" + id, admin),
                        r -> "CHANGING_LIVES".equals(r.field("providerCode")));
        assertThat(escalated.field("status")).isEqualTo("SENT");
        assertThat(escalated.field("respondBy")).isGreaterThan(respondBy);
        assertThat(escalated.body().get("declines").get(0).get("reason").asString())
                .isEqualTo("NO_RESPONSE_BY_DEADLINE");
        // the history says the service, not a person, moved it on
        JsonNode history = escalated.body().get("history");
        assertThat(history.findValuesAsString("status")).containsExactly("CREATED", "SENT", "DECLINED", "SENT");
        assertThat(history.get(2).get("by").asString()).isEqualTo("system");
        assertThat(history.get(2).get("providerCode").asString()).isEqualTo("WOMENS_WORK");
        assertThat(history.get(2).get("reason").asString()).isEqualTo("NO_RESPONSE_BY_DEADLINE");
        assertThat(history.get(3).get("by").asString()).isEqualTo("system");
        assertThat(history.get(3).get("providerCode").asString()).isEqualTo("CHANGING_LIVES");
        assertThat(escalated.body().get("escalations").get(0).get("stage").asString()).isEqualTo("RESPONSE");
        assertThat(escalated.body().get("escalations").get(0).get("dueBy").asString()).isEqualTo(respondBy);
        TopicReader.Event announced = topics.await(Topics.REFERRAL, about(prisonNumber,
                "referral.referral.escalated"), 1).get(0);
        assertThat(announced.data().get("stage").asString()).isEqualTo("RESPONSE");
        assertThat(announced.data().get("providerCode").asString()).isEqualTo("WOMENS_WORK");
        await().atMost(Duration.ofSeconds(10)).until(
                () -> overdue("ABUSE_VICTIM_SUPPORT", "WOMENS_WORK") - overdueBefore == 1.0);
        TopicReader.Event declined = topics.await(Topics.REFERRAL, about(prisonNumber, "referral.referral.declined"),
                1).get(0);
        assertThat(declined.data().get("reason").asString()).isEqualTo("NO_RESPONSE_BY_DEADLINE");
        assertThat(declined.data().get("unroutable").asBoolean()).isFalse();

        clock.advance(Duration.ofDays(2));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> http.get("/api/referrals/" + id, admin).field("status"), "UNROUTABLE"::equals);
        assertThat(topics.await(Topics.REFERRAL, about(prisonNumber, "referral.referral.declined"), 2).get(1)
                .data().get("unroutable").asBoolean()).isTrue();
    }

    // issue 11: timers at every stage; both referrals are made overdue by one move of the clock
    @Test
    void aLateStartAndALateOutcomeAreEachEscalatedOnceAnnouncedAndCountedWhileTheProviderKeepsTheReferral() {
        List<Object> rules = new ArrayList<>(currentRules());
        rules.add(Map.of("need", "ABUSE_VICTIM_SUPPORT", "prisonCode", "STG", "sex", "MALE",
                "providerCode", "CHANGING_LIVES", "priority", 1, "responseDays", 5, "startDays", 0,
                "outcomeDays", 0));
        assertThat(http.put("/api/routing-rules", admin, Map.of("rules", rules)).status()).isEqualTo(200);
        String notStarted = manualReferral(Identifiers.prisonNumber(), "ABUSE_VICTIM_SUPPORT", "STG", "MALE", "LOW");
        String noOutcome = manualReferral(Identifiers.prisonNumber(), "ABUSE_VICTIM_SUPPORT", "STG", "MALE", "LOW");
        String changingLives = Tokens.forProvider("CHANGING_LIVES");
        String today = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC).toString();
        Http.Response accepted = http.post("/api/referrals/" + notStarted + "/acceptance", changingLives, Map.of());
        assertThat(accepted.field("startBy")).isEqualTo(today);
        assertThat(accepted.body().get("overdue").asBoolean()).isFalse();
        assertThat(http.post("/api/referrals/" + noOutcome + "/acceptance", changingLives, Map.of()).status())
                .isEqualTo(200);
        Http.Response started = http.post("/api/referrals/" + noOutcome + "/start", changingLives, Map.of());
        assertThat(started.field("outcomeBy")).isEqualTo(today);
        assertThat(topics.await(Topics.REFERRAL, e -> notStarted.equals(e.data().get("referralId").asString())
                && "referral.referral.accepted".equals(e.header("ce_type")), 1).get(0).data().get("startBy")
                .asString()).isEqualTo(today);
        assertThat(topics.await(Topics.REFERRAL, e -> noOutcome.equals(e.data().get("referralId").asString())
                && "referral.referral.started".equals(e.header("ce_type")), 1).get(0).data().get("outcomeBy")
                .asString()).isEqualTo(today);
        assertThat(management.metrics()).contains("referral_time_to_start_seconds_bucket{");
        double startBefore = escalations("START", "CHANGING_LIVES");
        double outcomeBefore = escalations("OUTCOME", "CHANGING_LIVES");

        clock.advance(Duration.ofDays(2));
        Http.Response late = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> http.get("/api/referrals/" + notStarted, admin),
                        r -> r.body().get("escalations").size() == 1);
        assertThat(late.field("status")).isEqualTo("ACCEPTED");
        assertThat(late.field("providerCode")).isEqualTo("CHANGING_LIVES");
        assertThat(late.body().get("overdue").asBoolean()).isTrue();
        assertThat(late.body().get("escalations").get(0).get("stage").asString()).isEqualTo("START");
        assertThat(late.body().get("escalations").get(0).get("dueBy").asString()).isEqualTo(today);
        Http.Response lateOutcome = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> http.get("/api/referrals/" + noOutcome, admin),
                        r -> r.body().get("escalations").size() == 1);
        assertThat(lateOutcome.field("status")).isEqualTo("IN_PROGRESS");
        assertThat(lateOutcome.body().get("escalations").get(0).get("stage").asString()).isEqualTo("OUTCOME");
        assertThat(ids(http.get("/api/referrals?overdue=true&size=200", admin))).contains(notStarted, noOutcome);
        assertThat(ids(http.get("/api/referrals?overdue=true&size=200", changingLives)))
                .contains(notStarted, noOutcome);
        TopicReader.Event escalated = topics.await(Topics.REFERRAL, e -> notStarted.equals(
                e.data().get("referralId").asString()) && "referral.referral.escalated".equals(e.header("ce_type")),
                1).get(0);
        assertThat(escalated.data().get("stage").asString()).isEqualTo("START");
        assertThat(escalated.data().get("dueBy").asString()).isEqualTo(today);
        assertThat(escalated.data().get("providerCode").asString()).isEqualTo("CHANGING_LIVES");
        // several escalation runs later, each stage was escalated once
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> true);
        assertThat(http.get("/api/referrals/" + notStarted, admin).body().get("escalations").size()).isEqualTo(1);
        assertThat(http.get("/api/referrals/" + noOutcome, admin).body().get("escalations").size()).isEqualTo(1);
        assertThat(escalations("START", "CHANGING_LIVES") - startBefore).isEqualTo(1.0);
        assertThat(escalations("OUTCOME", "CHANGING_LIVES") - outcomeBefore).isEqualTo(1.0);
        assertThat(management.metrics()).contains("referral_escalations_total{");
        // starting late ends the START stage: no longer overdue
        Http.Response startedLate = http.post("/api/referrals/" + notStarted + "/start", changingLives, Map.of());
        assertThat(startedLate.field("status")).isEqualTo("IN_PROGRESS");
        assertThat(startedLate.body().get("overdue").asBoolean()).isFalse();
    }

    /**
     * Two instances, one broker and store (issue 13): the escalation job runs on one at a time (a JobLease). While
     * another holder has the lease neither instance escalates anything; once it is free, the job triggered on both
     * at once escalates each overdue referral once: one decline, one referral.referral.escalated event, counted once.
     */
    @Test
    void twoInstancesOnOneBrokerAndStoreEscalateEachOverdueReferralOnceAndCountItOnce() throws Exception {
        List<Object> rules = new ArrayList<>(currentRules());
        rules.add(Map.of("need", "ABUSE_VICTIM_SUPPORT", "prisonCode", "DUO", "sex", "MALE",
                "providerCode", "NOTTINGHAM_WOMENS_CENTRE", "priority", 1, "responseDays", 0));
        rules.add(Map.of("need", "ABUSE_VICTIM_SUPPORT", "prisonCode", "DUO", "sex", "MALE",
                "providerCode", "NEW_DAWN_NEW_DAY", "priority", 2, "responseDays", 5));
        assertThat(http.put("/api/routing-rules", admin, Map.of("rules", rules)).status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        List<String> prisonNumbers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            prisonNumbers.add(Identifiers.prisonNumber());
            ids.add(manualReferral(prisonNumbers.get(i), "ABUSE_VICTIM_SUPPORT", "DUO", "MALE", "LOW"));
        }
        double overdueBefore = overdue("ABUSE_VICTIM_SUPPORT", "NOTTINGHAM_WOMENS_CENTRE");

        try (ConfigurableApplicationContext second = secondInstance()) {
            MeterRegistry secondMeters = second.getBean(MeterRegistry.class);
            Escalations first = escalations;
            Escalations other = second.getBean(Escalations.class);
            // a third holder (an instance in the middle of a run) has the lease: nobody else escalates meanwhile
            uk.probation.gate.platform.lease.JobLease elsewhere = new uk.probation.gate.platform.lease.JobLease(
                    second.getBean(org.springframework.data.mongodb.core.MongoTemplate.class), clock);
            // (held across the move of the shared clock, so for longer than that)
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .until(() -> elsewhere.tryAcquire(Escalations.LEASE, Duration.ofDays(3)));
            try {
                clock.advance(Duration.ofDays(2));
                assertThat(first.runOnce()).isEqualTo(-1);
                assertThat(other.runOnce()).isEqualTo(-1);
                Thread.sleep(1200); // both schedules (every 0.5 s) ran meanwhile and skipped too
                for (String id : ids) {
                    assertThat(http.get("/api/referrals/" + id, admin).field("providerCode"))
                            .isEqualTo("NOTTINGHAM_WOMENS_CENTRE");
                }
            } finally {
                elsewhere.release(Escalations.LEASE);
            }

            // triggered on both at once (their schedules keep running too): each referral escalated once
            java.util.concurrent.CompletableFuture<Integer> onFirst =
                    java.util.concurrent.CompletableFuture.supplyAsync(first::runOnce);
            java.util.concurrent.CompletableFuture<Integer> onOther =
                    java.util.concurrent.CompletableFuture.supplyAsync(other::runOnce);
            assertThat(onFirst.get()).isGreaterThanOrEqualTo(-1);
            assertThat(onOther.get()).isGreaterThanOrEqualTo(-1);
            for (String id : ids) {
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                        .until(() -> http.get("/api/referrals/" + id, admin).field("providerCode"),
                                "NEW_DAWN_NEW_DAY"::equals);
            }
            for (String id : ids) {
                Http.Response escalated = http.get("/api/referrals/" + id, admin);
                assertThat(escalated.field("status")).isEqualTo("SENT");
                assertThat(escalated.body().get("declines").size()).isEqualTo(1);
                assertThat(escalated.body().get("escalations").size()).isEqualTo(1);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> overdue("ABUSE_VICTIM_SUPPORT",
                    "NOTTINGHAM_WOMENS_CENTRE") - overdueBefore + secondMeters.find("referral.responses.overdue")
                    .tag("need", "ABUSE_VICTIM_SUPPORT").tag("provider", "NOTTINGHAM_WOMENS_CENTRE").counters()
                    .stream().mapToDouble(c -> c.count()).sum(), total -> total == 6.0);
            // one referral.referral.escalated each, and nothing more once a marker published after them is there
            for (String prisonNumber : prisonNumbers) {
                topics.await(Topics.REFERRAL, about(prisonNumber, "referral.referral.escalated"), 1);
            }
            String marker = Identifiers.prisonNumber();
            manualReferral(marker, "ABUSE_VICTIM_SUPPORT", "DUO", "MALE", "LOW");
            topics.await(Topics.REFERRAL, about(marker, "referral.referral.sent"), 1);
            List<TopicReader.Event> all = topics.all(Topics.REFERRAL);
            for (String prisonNumber : prisonNumbers) {
                assertThat(all.stream().filter(about(prisonNumber, "referral.referral.escalated"))).hasSize(1);
            }
        }
    }
}
