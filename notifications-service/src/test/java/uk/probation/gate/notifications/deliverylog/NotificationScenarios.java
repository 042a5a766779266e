package uk.probation.gate.notifications.deliverylog;

import static uk.probation.gate.platform.test.Problems.assertProblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static uk.probation.gate.notifications.support.InboundEvents.headers;
import static uk.probation.gate.notifications.support.InboundEvents.newId;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import uk.probation.gate.contracts.Topics;
import uk.probation.gate.notifications.NotificationsApplication;
import uk.probation.gate.notifications.support.ControllableClock;
import uk.probation.gate.notifications.support.InboundEvents;
import uk.probation.gate.notifications.support.SmtpSink;
import uk.probation.gate.platform.test.Http;
import uk.probation.gate.platform.test.RunningService;
import uk.probation.gate.platform.test.Tokens;
import uk.probation.gate.platform.test.TopicReader;

/**
 * Who is told what, run against the embedded broker and Mongo wire server here and against real Kafka and MongoDB
 * images where Docker exists: CloudEvents records go onto the three topics, messages arrive in a real SMTP server
 * that records them, the delivery log, directory and templates are read and written through the API. The service's
 * clock stands still unless a test moves it (back-off, quiet hours).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "notifications.delivery.poll-interval=PT0.1S",
        "notifications.delivery.max-attempts=3",
        "notifications.delivery.back-off-initial=PT1M",
        "notifications.delivery.back-off-max=PT10M",
        "notifications.delivery.claim-lease=PT1M"})
@AutoConfigureMetrics
@Import(NotificationScenarios.StoppedClock.class)
abstract class NotificationScenarios extends RunningService {

    static final String RECEIVED = "resettlement.prisoner.received";
    static final String PLAN_COMPLETED = "resettlement.plan.completed";
    static final String RELEASED = "resettlement.prisoner.released";
    static final String SENT_HOME = "community-payback.work.sent-home";
    static final String ATTENDED = "community-payback.session.attended";
    static final String PLACEMENT = "community-payback.placement.assigned";
    static final String REFERRAL_SENT = "referral.referral.sent";
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    static final SmtpSink smtp = new SmtpSink();

    @TestConfiguration(proxyBeanMethods = false)
    static class StoppedClock {
        @Bean
        @Primary
        ControllableClock controllableClock() {
            return new ControllableClock(Instant.parse("2026-11-20T12:00:00Z"));
        }
    }

    @DynamicPropertySource
    static void smtpSink(DynamicPropertyRegistry r) {
        r.add("spring.mail.host", () -> "127.0.0.1");
        r.add("spring.mail.port", smtp::port);
    }

    @Autowired
    MeterRegistry meters;

    @Autowired
    ControllableClock clock;

    String viewer = Tokens.forRole("OPS_VIEWER");
    String admin = Tokens.forRole("ADMIN");

    @BeforeEach
    void connect() {
        smtp.start();
    }

    // --- the rules: each event on its topic reaches the right person, with the right template and language

    @Test
    void aReceptionIsToldToTheResponsibleOfficerOnceInTheirLanguage() {
        String prisonNumber = InboundEvents.prisonNumber();
        String officer = recipient(InboundEvents.officerCode(), "RESPONSIBLE_OFFICER", "cy", null);
        String eventId = newId();
        topics.send(Topics.RESETTLEMENT, prisonNumber, InboundEvents.received(prisonNumber, officer),
                headers(RECEIVED, eventId, prisonNumber));

        SmtpSink.Mail mail = awaitMail(officer);
        assertThat(mail.subject()).isEqualTo("Derbyn: " + prisonNumber + " yn HMP Nottingham");
        assertThat(mail.body()).contains("Mae'r sgrinio adsefydlu i'w gwblhau erbyn 2026-11-27");
        JsonNode entry = awaitEntry(officer, e -> "SENT".equals(e.get("status").asString()));
        assertThat(entry.get("id").asString()).isEqualTo(eventId + ":" + officer);
        assertThat(entry.get("recipientCode").asString()).isEqualTo(officer);
        assertThat(entry.get("channel").asString()).isEqualTo("EMAIL");
        assertThat(entry.get("template").asString()).isEqualTo(RECEIVED);
        assertThat(entry.get("language").asString()).isEqualTo("cy");
        assertThat(entry.get("sourceEventId").asString()).isEqualTo(eventId);
        assertThat(entry.get("eventType").asString()).isEqualTo(RECEIVED);
        assertThat(entry.get("subject").asString()).isEqualTo(prisonNumber);
        assertThat(entry.get("attempts").asInt()).isEqualTo(1);
        assertThat(entry.get("createdAt").asString()).isNotBlank();
        assertThat(entry.toString()).doesNotContain(email(officer));

        Http.Response byType = http.get("/api/notifications?recipientCode=" + officer + "&eventType=" + RECEIVED,
                admin);
        assertThat(byType.status()).isEqualTo(200);
        assertThat(byType.body().get("total").asLong()).isEqualTo(1);
        assertThat(http.get("/api/notifications?recipientCode=" + officer + "&eventType=" + REFERRAL_SENT, viewer)
                .body().get("total").asLong()).isZero();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(management.metrics()).containsPattern(
                "notifications_sent_total\\{application=\"notifications-service\","
                + "channel=\"EMAIL\",language=\"cy\",status=\"SENT\",template=\"resettlement.prisoner.received\"}"
                + " [1-9]"));
    }

    @Test
    void aCompletedPlanIsToldToTheResponsibleOfficerWithTheNeeds() {
        String prisonNumber = InboundEvents.prisonNumber();
        String officer = recipient(InboundEvents.officerCode(), "RESPONSIBLE_OFFICER", "en", null);
        topics.send(Topics.RESETTLEMENT, prisonNumber, InboundEvents.planCompleted(prisonNumber, officer),
                headers(PLAN_COMPLETED, newId(), prisonNumber));

        SmtpSink.Mail mail = awaitMail(officer);
        assertThat(mail.subject()).isEqualTo("Resettlement plan completed: " + prisonNumber);
        assertThat(mail.body()).contains("at HMP Leicester was completed on 2026-11-24, late")
                .contains("- accommodation: support needed")
                .contains("- education, skills and work: support offered and turned down");
    }

    @Test
    void aReleaseIsToldToTheOfficerWithOutcomesAndToSovaWhenTheyAskedToBeMetAtTheGate() {
        String sova = recipient("SOVA", "VOLUNTEER_SERVICE", "en", null);
        String officer = recipient(InboundEvents.officerCode(), "RESPONSIBLE_OFFICER", "en", null);
        String metAtGate = InboundEvents.prisonNumber();
        String notMet = InboundEvents.prisonNumber();
        String metEvent = newId();
        String notMetEvent = newId();
        topics.send(Topics.RESETTLEMENT, metAtGate, InboundEvents.released(metAtGate, officer, true),
                headers(RELEASED, metEvent, metAtGate));
        topics.send(Topics.RESETTLEMENT, notMet, InboundEvents.released(notMet, officer, false),
                headers(RELEASED, notMetEvent, notMet));

        List<SmtpSink.Mail> toOfficer = awaitMails(officer, 2);
        assertThat(toOfficer).anySatisfy(m -> {
            assertThat(m.subject()).isEqualTo("Released: " + metAtGate + " from HMP Nottingham");
            assertThat(m.body()).contains("Accommodation on release: no fixed address (homeless)")
                    .contains("Education, training and employment on release: no job, education or training")
                    .contains("A volunteer will meet them at the gate.");
        });
        SmtpSink.Mail toSova = awaitMails(sova, 1).stream().filter(m -> m.subject().contains(metAtGate)).findFirst()
                .orElseThrow();
        assertThat(toSova.subject()).isEqualTo("Meet at the gate: " + metAtGate + ", HMP Nottingham, 2026-11-25");
        assertThat(smtp.to(email(sova))).noneMatch(m -> m.subject().contains(notMet));
        assertThat(entryCount(notMetEvent)).isEqualTo(1);
        assertThat(entryCount(metEvent)).isEqualTo(2);
    }

    @Test
    void aSentHomeNoticeReachesTheOfficerAndThePersonInTheirOwnLanguages() {
        String officer = recipient(InboundEvents.officerCode(), "RESPONSIBLE_OFFICER", "cy", null);
        String person = recipient(InboundEvents.crn(), "PERSON", "pl", null);
        topics.send(Topics.COMMUNITY_PAYBACK, person, InboundEvents.sentHome(person, officer, "NO_SUPERVISOR"),
                headers(SENT_HOME, newId(), person));

        SmtpSink.Mail toPerson = awaitMail(person);
        assertThat(toPerson.subject()).isEqualTo("Twoja sesja prac społecznych w dniu 2026-11-28 została odwołana");
        assertThat(toPerson.body()).contains("To nie jest Twoja wina").contains("(nie było opiekuna)");
        SmtpSink.Mail toOfficer = awaitMail(officer);
        assertThat(toOfficer.subject()).isEqualTo("Gwaith di-dâl wedi'i dynnu'n ôl: " + person + ", sesiwn 2026-11-28");
        assertThat(toOfficer.body()).contains("ar brosiect PARKS-1 (Nottinghamshire)");
        assertThat(awaitEntry(person, e -> "SENT".equals(e.get("status").asString())).get("template").asString())
                .isEqualTo("community-payback.work.sent-home.person");
    }

    @Test
    void beingSentHomeForBehaviourIsToldToTheOfficerButAnAttendedSessionIsNot() {
        String officer = recipient(InboundEvents.officerCode(), "RESPONSIBLE_OFFICER", "en", null);
        String crn = InboundEvents.crn();
        String complied = newId();
        topics.send(Topics.COMMUNITY_PAYBACK, crn, InboundEvents.attended(crn, officer, "ATTENDED_COMPLIED"),
                headers(ATTENDED, complied, crn));
        topics.send(Topics.COMMUNITY_PAYBACK, crn, InboundEvents.attended(crn, officer, "SENT_HOME_BEHAVIOUR"),
                headers(ATTENDED, newId(), crn));

        SmtpSink.Mail mail = awaitMail(officer);
        assertThat(mail.subject()).isEqualTo("Sent home from unpaid work: " + crn + ", 2026-11-28");
        assertThat(mail.body()).contains("Outcome: sent home because of their behaviour; 120 minutes credited");
        assertThat(entryCount(complied)).isZero();
        assertThat(smtp.to(email(officer))).hasSize(1);
    }

    @Test
    void aPersonIsToldOfTheirPlacementBooking() {
        String person = recipient(InboundEvents.crn(), "PERSON", "cy", null);
        topics.send(Topics.COMMUNITY_PAYBACK, person, InboundEvents.placementAssigned(person, null),
                headers(PLACEMENT, newId(), person));

        SmtpSink.Mail mail = awaitMail(person);
        assertThat(mail.subject()).isEqualTo("Eich lleoliad gwaith di-dâl: prosiect GARDENS-2");
        assertThat(mail.body()).contains("yn Derbyshire o 2026-11-26");
    }

    @Test
    void aReferralSentToAProviderIsToldToThatProvider() {
        String provider = recipient("INGEUS", "PROVIDER", "en", null);
        String prisonNumber = InboundEvents.prisonNumber();
        topics.send(Topics.REFERRAL, prisonNumber, InboundEvents.referralSent(prisonNumber, provider),
                headers(REFERRAL_SENT, newId(), prisonNumber));

        SmtpSink.Mail mail = awaitMails(provider, 1).stream().filter(m -> m.body().contains(prisonNumber))
                .findFirst().orElseThrow();
        assertThat(mail.subject()).startsWith("New referral ").endsWith(": education, skills and work, respond by 2026-12-03");
        assertThat(mail.body()).contains("has been sent to Ingeus").contains("Person: " + prisonNumber);
    }

    @Test
    void aLanguageWithoutATemplateFallsBackToEnglishAndIsCounted() {
        double before = counter("notifications.fallback.language", "language", "pa");
        String person = recipient(InboundEvents.crn(), "PERSON", "pa", null);
        topics.send(Topics.COMMUNITY_PAYBACK, person, InboundEvents.sentHome(person, null, "WEATHER"),
                headers(SENT_HOME, newId(), person));

        SmtpSink.Mail mail = awaitMail(person);
        assertThat(mail.subject()).isEqualTo("Your unpaid work session on 2026-11-28 is cancelled");
        JsonNode entry = awaitEntry(person, e -> "SENT".equals(e.get("status").asString()));
        assertThat(entry.get("language").asString()).isEqualTo("en");
        assertThat(entry.get("requestedLanguage").asString()).isEqualTo("pa");
        assertThat(counter("notifications.fallback.language", "language", "pa") - before).isEqualTo(1.0);
    }

    // --- exactly once, bad input

    @Test
    void theSameEventDeliveredTwiceSendsOneMessage() {
        double before = counter("notifications.deduplicated", "template", RECEIVED);
        String prisonNumber = InboundEvents.prisonNumber();
        String officer = recipient(InboundEvents.officerCode(), "RESPONSIBLE_OFFICER", "en", null);
        String eventId = newId();
        String event = InboundEvents.received(prisonNumber, officer);
        topics.send(Topics.RESETTLEMENT, prisonNumber, event, headers(RECEIVED, eventId, prisonNumber));
        topics.send(Topics.RESETTLEMENT, prisonNumber, event, headers(RECEIVED, eventId, prisonNumber));
        // a marker on the same key, so the same partition: once it is sent, both copies before it were consumed
        String markerOfficer = recipient(InboundEvents.officerCode(), "RESPONSIBLE_OFFICER", "en", null);
        String marker = InboundEvents.prisonNumber();
        topics.send(Topics.RESETTLEMENT, prisonNumber, InboundEvents.received(marker, markerOfficer),
                headers(RECEIVED, newId(), marker));

        awaitMail(markerOfficer);
        awaitMail(officer);
        assertThat(smtp.to(email(officer))).hasSize(1);
        assertThat(entryCount(eventId)).isEqualTo(1);
        assertThat(counter("notifications.deduplicated", "template", RECEIVED) - before).isEqualTo(1.0);
    }

    @Test
    void aReceptionWithoutAResponsibleOfficerIsCountedAndNothingIsLogged() {
        double skippedBefore = counter("notifications.skipped", "reason", "no_recipient");
        String prisonNumber = InboundEvents.prisonNumber();
        String eventId = newId();
        topics.send(Topics.RESETTLEMENT, prisonNumber, InboundEvents.received(prisonNumber, null),
                headers(RECEIVED, eventId, prisonNumber));
        String markerOfficer = recipient(InboundEvents.officerCode(), "RESPONSIBLE_OFFICER", "en", null);
        String marker = InboundEvents.prisonNumber();
        topics.send(Topics.RESETTLEMENT, prisonNumber, InboundEvents.received(marker, markerOfficer),
                headers(RECEIVED, newId(), marker));

        awaitMail(markerOfficer);
        assertThat(entryCount(eventId)).isZero();
        assertThat(mongo.count(Query.query(Criteria.where("subject").is(prisonNumber)), Notification.class)).isZero();
        assertThat(counter("notifications.skipped", "reason", "no_recipient") - skippedBefore).isEqualTo(1.0);
    }

    @Test
    void anEventOfAnUnknownTypeIsIgnoredAndCounted() {
        double before = counter("events.consumed", "result", "ignored");
        String prisonNumber = InboundEvents.prisonNumber();
        String officer = InboundEvents.officerCode();
        String eventId = newId();
        topics.send(Topics.RESETTLEMENT, prisonNumber, InboundEvents.received(prisonNumber, officer),
                headers("resettlement.prisoner.teleported", eventId, prisonNumber));
        String markerOfficer = recipient(InboundEvents.officerCode(), "RESPONSIBLE_OFFICER", "en", null);
        String marker = InboundEvents.prisonNumber();
        topics.send(Topics.RESETTLEMENT, prisonNumber, InboundEvents.received(marker, markerOfficer),
                headers(RECEIVED, newId(), marker));

        awaitMail(markerOfficer);
        assertThat(entryCount(eventId)).isZero();
        assertThat(counter("events.consumed", "result", "ignored") - before).isEqualTo(1.0);
    }

    @Test
    void malformedRecordsGoToTheDeadLetterTopicAndDoNotBlockThePartition() {
        String prisonNumber = InboundEvents.prisonNumber();
        String officer = recipient(InboundEvents.officerCode(), "RESPONSIBLE_OFFICER", "en", null);
        topics.send(Topics.RESETTLEMENT, prisonNumber, "not json", headers(RECEIVED, newId(), prisonNumber));
        topics.send(Topics.RESETTLEMENT, prisonNumber, InboundEvents.received(prisonNumber, officer),
                headers(RECEIVED, newId(), prisonNumber));
        String crn = InboundEvents.crn();
        topics.send(Topics.COMMUNITY_PAYBACK, crn, "{\"orderId\":\"o-1\",\"crn\":\"" + crn
                + "\",\"requiredMinutes\":\"lots\"}", headers("community-payback.order.received", newId(), crn));

        awaitMail(officer);
        TopicReader.Event dead = topics.await("notifications-service.dlt", e -> prisonNumber.equals(e.key()), 1).get(0);
        assertThat(new String(dead.value())).isEqualTo("not json");
        assertThat(dead.header("x-original-topic")).isEqualTo(Topics.RESETTLEMENT);
        assertThat(dead.headers()).containsKeys("x-original-partition", "x-original-offset", "x-exception-fqcn");
        TopicReader.Event wrongType = topics.await("notifications-service.dlt", e -> crn.equals(e.key()), 1).get(0);
        assertThat(wrongType.header("x-original-topic")).isEqualTo(Topics.COMMUNITY_PAYBACK);
    }

    // --- the channel: retries with back-off, FAILED with the reason, never blocking the others; quiet hours

    @Test
    void whileSmtpIsDownAMessageWaitsAndIsDeliveredAfterARetryWithoutHoldingBackOthers() {
        double retriedBefore = counter("notifications.retried", "template", RECEIVED);
        String first = recipient(InboundEvents.officerCode(), "RESPONSIBLE_OFFICER", "en", null);
        String second = recipient(InboundEvents.officerCode(), "RESPONSIBLE_OFFICER", "en", null);
        smtp.stop();
        String prisonNumber = InboundEvents.prisonNumber();
        topics.send(Topics.RESETTLEMENT, prisonNumber, InboundEvents.received(prisonNumber, first),
                headers(RECEIVED, newId(), prisonNumber));

        JsonNode waiting = awaitEntry(first, e -> e.get("attempts").asInt() == 1);
        assertThat(waiting.get("status").asString()).isEqualTo("PENDING");
        assertThat(waiting.get("failureReason").asString()).containsIgnoringCase("connect");
        awaitCount("notifications.retried", "template", RECEIVED, retriedBefore + 1);

        smtp.start();
        String other = InboundEvents.prisonNumber();
        topics.send(Topics.RESETTLEMENT, other, InboundEvents.received(other, second),
                headers(RECEIVED, newId(), other));
        awaitMail(second);
        assertThat(smtp.to(email(first))).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        awaitMail(first);
        JsonNode sent = awaitEntry(first, e -> "SENT".equals(e.get("status").asString()));
        assertThat(sent.get("attempts").asInt()).isEqualTo(2);
    }

    @Test
    void afterTheLastAttemptTheNotificationIsFailedWithTheReason() {
        double failedBefore = counter("notifications.failed", "template", RECEIVED);
        String officer = recipient(InboundEvents.officerCode(), "RESPONSIBLE_OFFICER", "en", null);
        smtp.stop();
        String prisonNumber = InboundEvents.prisonNumber();
        topics.send(Topics.RESETTLEMENT, prisonNumber, InboundEvents.received(prisonNumber, officer),
                headers(RECEIVED, newId(), prisonNumber));

        awaitEntry(officer, e -> e.get("attempts").asInt() == 1);
        clock.advance(Duration.ofMinutes(1));
        awaitEntry(officer, e -> e.get("attempts").asInt() == 2);
        clock.advance(Duration.ofMinutes(2));
        JsonNode failed = awaitEntry(officer, e -> e.get("attempts").asInt() == 3);
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("failureReason").asString()).containsIgnoringCase("connect")
                .doesNotContain(email(officer));
        awaitCount("notifications.failed", "template", RECEIVED, failedBefore + 1);

        smtp.start();
        String markerOfficer = recipient(InboundEvents.officerCode(), "RESPONSIBLE_OFFICER", "en", null);
        String marker = InboundEvents.prisonNumber();
        topics.send(Topics.RESETTLEMENT, marker, InboundEvents.received(marker, markerOfficer),
                headers(RECEIVED, newId(), marker));
        clock.advance(Duration.ofMinutes(10));
        awaitMail(markerOfficer);
        assertThat(smtp.to(email(officer))).isEmpty();
    }

    @Test
    void aPersonsQuietHoursHoldTheirMessageUntilMorningButNotTheOfficers() {
        String officer = recipient(InboundEvents.officerCode(), "RESPONSIBLE_OFFICER", "en", "21:00-08:00");
        String person = recipient(InboundEvents.crn(), "PERSON", "en", "21:00-08:00");
        LocalDate tomorrow = clock.instant().atZone(LONDON).toLocalDate().plusDays(1);
        clock.moveTo(ZonedDateTime.of(tomorrow, LocalTime.of(22, 30), LONDON).toInstant());
        topics.send(Topics.COMMUNITY_PAYBACK, person, InboundEvents.sentHome(person, officer, "NO_WORK"),
                headers(SENT_HOME, newId(), person));

        awaitMail(officer);
        JsonNode held = awaitEntry(person, e -> "HELD".equals(e.get("status").asString()));
        Instant morning = ZonedDateTime.of(tomorrow.plusDays(1), LocalTime.of(8, 0), LONDON).toInstant();
        assertThat(Instant.parse(held.get("dueAt").asString())).isEqualTo(morning);
        clock.advance(Duration.ofHours(9));
        String marker = recipient(InboundEvents.officerCode(), "RESPONSIBLE_OFFICER", "en", null);
        String markerPrisoner = InboundEvents.prisonNumber();
        topics.send(Topics.RESETTLEMENT, markerPrisoner, InboundEvents.received(markerPrisoner, marker),
                headers(RECEIVED, newId(), markerPrisoner));
        awaitMail(marker);
        assertThat(smtp.to(email(person))).isEmpty();

        clock.moveTo(morning);
        SmtpSink.Mail mail = awaitMail(person);
        assertThat(mail.subject()).isEqualTo("Your unpaid work session on 2026-11-28 is cancelled");
        assertThat(awaitEntry(person, e -> "SENT".equals(e.get("status").asString())).get("attempts").asInt())
                .isEqualTo(1);
        clock.moveTo(morning.plus(Duration.ofHours(4)));
    }

    /**
     * Two instances' workers over one queue (issue 13): each message is e-mailed once. Officers' messages are sent as
     * they arrive; then people's messages held by quiet hours all fall due at the same instant, so both workers poll
     * the same due entries at once and only the atomic claim keeps each to one e-mail.
     */
    @Test
    void twoInstancesSendEachMessageExactlyOnce() {
        List<String> officers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            officers.add(recipient(InboundEvents.officerCode(), "RESPONSIBLE_OFFICER", "en", null));
        }
        String officer = recipient(InboundEvents.officerCode(), "RESPONSIBLE_OFFICER", "en", null);
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            people.add(recipient(InboundEvents.crn(), "PERSON", "en", "21:00-08:00"));
        }
        List<String> ids = new ArrayList<>();
        List<String> heldIds = new ArrayList<>();
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(NotificationsApplication.class)
                .initializers(c -> c.getBeanFactory().registerSingleton("controllableClock", clock))
                .run(sameInfrastructure())) {
            for (String to : officers) {
                String prisonNumber = InboundEvents.prisonNumber();
                String eventId = newId();
                ids.add(eventId + ":" + to);
                topics.send(Topics.RESETTLEMENT, prisonNumber, InboundEvents.received(prisonNumber, to),
                        headers(RECEIVED, eventId, prisonNumber));
            }
            officers.forEach(this::awaitMail);
            await().atMost(Duration.ofSeconds(30)).until(() -> mongo.count(
                    Query.query(Criteria.where("_id").in(ids)), QueuedDelivery.class) == 0);

            LocalDate tomorrow = clock.instant().atZone(LONDON).toLocalDate().plusDays(1);
            clock.moveTo(ZonedDateTime.of(tomorrow, LocalTime.of(22, 30), LONDON).toInstant());
            for (String person : people) {
                String eventId = newId();
                heldIds.add(eventId + ":" + person);
                topics.send(Topics.COMMUNITY_PAYBACK, person, InboundEvents.sentHome(person, officer, "NO_WORK"),
                        headers(SENT_HOME, eventId, person));
            }
            people.forEach(person -> awaitEntry(person, e -> "HELD".equals(e.get("status").asString())));
            assertThat(mongo.count(Query.query(Criteria.where("_id").in(heldIds)), QueuedDelivery.class))
                    .isEqualTo(people.size());
            // morning: every held entry is due at once on both instances
            clock.moveTo(ZonedDateTime.of(tomorrow.plusDays(1), LocalTime.of(8, 0), LONDON).toInstant());
            people.forEach(this::awaitMail);
            await().atMost(Duration.ofSeconds(30)).until(() -> mongo.count(
                    Query.query(Criteria.where("_id").in(heldIds)), QueuedDelivery.class) == 0);
            clock.advance(Duration.ofHours(4));
        }
        for (String to : officers) {
            assertThat(smtp.to(email(to))).as(to).hasSize(1);
        }
        for (String person : people) {
            assertThat(smtp.to(email(person))).as(person).hasSize(1);
        }
        assertThat(smtp.to(email(officer))).hasSize(people.size());
        ids.addAll(heldIds);
        assertThat(mongo.find(Query.query(Criteria.where("_id").in(ids)), Notification.class))
                .hasSize(officers.size() + people.size()).allSatisfy(n -> {
                    assertThat(n.attempts()).isEqualTo(1);
                    assertThat(n.status().name()).isEqualTo("SENT");
                });
    }

    /**
     * One reception followed into the e-mail (issue 13): the event arrives with a W3C traceparent; the notification
     * is queued with it and sent inside it, so the JSON log line saying it was sent has the event's trace id.
     */
    @Test
    void aNotificationIsSentInTheTraceOfTheEventThatCausedIt() {
        String officer = recipient(InboundEvents.officerCode(), "RESPONSIBLE_OFFICER", "en", null);
        String prisonNumber = InboundEvents.prisonNumber();
        String eventId = newId();
        String traceId = java.util.UUID.randomUUID().toString().replace("-", "");
        String traceparent = "00-" + traceId + "-" + traceId.substring(0, 16) + "-01";
        Map<String, String> headers = new java.util.HashMap<>(headers(RECEIVED, eventId, prisonNumber));
        headers.put("traceparent", traceparent);
        try (JsonLogLines logs = JsonLogLines.capture()) {
            topics.send(Topics.RESETTLEMENT, prisonNumber, InboundEvents.received(prisonNumber, officer), headers);
            awaitMail(officer);
            String sent = await().atMost(Duration.ofSeconds(10)).until(() -> logs.lines().stream()
                    .filter(line -> line.contains("sent by") && line.contains("for event " + eventId))
                    .findFirst().orElse(null), line -> line != null);
            JsonNode json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(sent);
            assertThat(json.get("log").get("logger").asString()).endsWith("DeliveryWorker");
            assertThat(json.get("traceId").asString()).isEqualTo(traceId);
            assertThat(json.get("spanId").asString()).isNotEqualTo(traceId.substring(0, 16));
        }
    }

    /**
     * The service's log lines as its console prints them (the console appender's own JSON encoder), captured while a
     * test runs; LogCapture keeps only the message text, not the trace id.
     */
    static final class JsonLogLines extends ch.qos.logback.core.AppenderBase<ch.qos.logback.classic.spi.ILoggingEvent>
            implements AutoCloseable {

        private final List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        private final ch.qos.logback.core.encoder.Encoder<ch.qos.logback.classic.spi.ILoggingEvent> json;

        private JsonLogLines(ch.qos.logback.core.encoder.Encoder<ch.qos.logback.classic.spi.ILoggingEvent> json) {
            this.json = json;
        }

        @SuppressWarnings("unchecked")
        static JsonLogLines capture() {
            ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                    .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            var console = (ch.qos.logback.core.OutputStreamAppender<ch.qos.logback.classic.spi.ILoggingEvent>) root
                    .getAppender("CONSOLE");
            assertThat(console).as("the console appender").isNotNull();
            JsonLogLines capture = new JsonLogLines(console.getEncoder());
            capture.setContext(root.getLoggerContext());
            capture.start();
            root.addAppender(capture);
            return capture;
        }

        @Override
        protected void append(ch.qos.logback.classic.spi.ILoggingEvent event) {
            lines.add(new String(json.encode(event), java.nio.charset.StandardCharsets.UTF_8).strip());
        }

        List<String> lines() {
            synchronized (lines) {
                return List.copyOf(lines);
            }
        }

        @Override
        public void close() {
            ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                    .detachAppender(this);
            stop();
        }
    }

    // --- the directory and the templates through the API

    @Test
    void theDirectoryKeepsContactDetailsAndRefusesBadEntriesNamingTheField() {
        String code = InboundEvents.crn();
        Http.Response bad = http.put("/api/recipients/" + code, admin, Map.of("kind", "NEIGHBOUR",
                "email", "not an address", "language", "Welsh", "quietHours", "late"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.body().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("kind", "email", "language", "quietHours");
        assertThat(http.get("/api/recipients/" + code, admin).status()).isEqualTo(404);

        recipient(code, "PERSON", "pl", "21:00-08:00");
        Http.Response found = http.get("/api/recipients/" + code, admin);
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.field("kind")).isEqualTo("PERSON");
        assertThat(found.field("email")).isEqualTo(email(code));
        assertThat(found.field("language")).isEqualTo("pl");
        assertThat(found.field("quietHours")).isEqualTo("21:00-08:00");
        assertThat(http.get("/api/recipients/SOVA", admin).field("kind")).isEqualTo("VOLUNTEER_SERVICE");
        assertThat(http.get("/api/recipients/" + code, viewer).status()).isEqualTo(403);
    }

    @Test
    void anAdminPagesThroughTheDirectoryByCodeOptionallyOfOneKind() {
        String first = recipient("VS-" + InboundEvents.crn(), "VOLUNTEER_SERVICE", "cy", null);
        String second = recipient("VS-" + InboundEvents.crn(), "VOLUNTEER_SERVICE", "en", "22:00-07:00");
        recipient(InboundEvents.crn(), "PERSON", "en", null);

        Http.Response volunteers = http.get("/api/recipients?kind=VOLUNTEER_SERVICE&size=200", admin);
        assertThat(volunteers.status()).isEqualTo(200);
        List<String> codes = volunteers.body().get("items").findValuesAsString("code");
        assertThat(codes).contains("SOVA", first, second).isSorted();
        assertThat(volunteers.body().get("items").findValuesAsString("kind")).containsOnly("VOLUNTEER_SERVICE");
        assertThat(volunteers.body().get("total").asInt()).isEqualTo(codes.size());
        JsonNode secondEntry = volunteers.body().get("items").get(codes.indexOf(second));
        assertThat(secondEntry.get("email").asString()).isEqualTo(email(second));
        assertThat(secondEntry.get("language").asString()).isEqualTo("en");
        assertThat(secondEntry.get("quietHours").asString()).isEqualTo("22:00-07:00");

        Http.Response everyone = http.get("/api/recipients?size=200", admin);
        assertThat(everyone.body().get("items").findValuesAsString("kind"))
                .contains("VOLUNTEER_SERVICE", "PERSON", "PROVIDER", "RESPONSIBLE_OFFICER");
        Http.Response pageOne = http.get("/api/recipients?kind=VOLUNTEER_SERVICE&page=1&size=1", admin);
        assertThat(pageOne.body().get("items").findValuesAsString("code")).containsExactly(codes.get(1));
        assertThat(pageOne.body().get("page").asInt()).isEqualTo(1);
        assertThat(pageOne.body().get("size").asInt()).isEqualTo(1);
        assertThat(pageOne.body().get("total").asInt()).isEqualTo(codes.size());

        assertProblem(http.get("/api/recipients?kind=NEIGHBOUR", admin), 400, "kind");
        assertProblem(http.get("/api/recipients?size=0", admin), 400, "size");
        assertThat(http.get("/api/recipients", viewer).status()).isEqualTo(403);
    }

    @Test
    void aTemplateUsingSomethingTheEventCannotFillIsRefusedAndNothingChanges() {
        String id = "community-payback.session.attended.sent-home.cy";
        String before = http.get("/api/templates/" + id, admin).field("body");
        Http.Response refused = http.put("/api/templates/" + id, admin, Map.of("subject", "Anfonwyd adref: {{crn}}",
                "body", "Annwyl {{firstName}}, {{crn}}"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        JsonNode error = refused.body().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("body");
        assertThat(error.get("message").asString()).contains("firstName");
        assertThat(http.get("/api/templates/" + id, admin).field("body")).isEqualTo(before);

        Http.Response unknownType = http.put("/api/templates/community-payback.session.teleported.cy", admin,
                Map.of("subject", "x", "body", "y"));
        assertThat(unknownType.status()).isEqualTo(422);
        assertThat(unknownType.body().get("errors").findValuesAsString("field")).contains("id");

        Http.Response saved = http.put("/api/templates/" + id, admin, Map.of("subject", "Adref: {{crn}} {{areaName}}",
                "body", "{{crn}} / {{projectCode}} / {{sessionDate}}"));
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.field("eventType")).isEqualTo(ATTENDED);
        assertThat(saved.field("language")).isEqualTo("cy");
        String officer = recipient(InboundEvents.officerCode(), "RESPONSIBLE_OFFICER", "cy", null);
        String crn = InboundEvents.crn();
        topics.send(Topics.COMMUNITY_PAYBACK, crn, InboundEvents.attended(crn, officer, "SENT_HOME_BEHAVIOUR"),
                headers(ATTENDED, newId(), crn));
        SmtpSink.Mail mail = awaitMail(officer);
        assertThat(mail.subject()).isEqualTo("Adref: " + crn + " Nottinghamshire");
        assertThat(mail.body()).isEqualTo(crn + " / PARKS-1 / 2026-11-28");
    }

    @Test
    void templatesAreListedPerEventTypeAndLanguage() {
        Http.Response listed = http.get("/api/templates?eventType=" + SENT_HOME, admin);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body().findValuesAsString("id")).contains("community-payback.work.sent-home.en",
                "community-payback.work.sent-home.cy", "community-payback.work.sent-home.person.en",
                "community-payback.work.sent-home.person.cy", "community-payback.work.sent-home.person.pl");
        assertThat(http.get("/api/templates", viewer).status()).isEqualTo(403);
    }

    // --- the delivery log

    @Test
    void pagingOutOfRangeIsRefusedNamingTheParameter() {
        assertProblem(http.get("/api/notifications?page=-1", viewer), 400, "page");
        assertProblem(http.get("/api/notifications?size=0", viewer), 400, "size");
        assertProblem(http.get("/api/notifications?size=201", viewer), 400, "size");
        assertProblem(http.get("/api/notifications?page=first", viewer), 400, "page");

        Http.Response paged = http.get("/api/notifications?page=3&size=5", viewer);
        assertThat(paged.status()).isEqualTo(200);
        assertThat(paged.body().get("page").asInt()).isEqualTo(3);
        assertThat(paged.body().get("size").asInt()).isEqualTo(5);
        assertThat(paged.body().has("items")).isTrue();
        assertThat(paged.body().has("total")).isTrue();
    }

    @Test
    void pagesSplitTheLogNewestFirst() {
        String officer = recipient(InboundEvents.officerCode(), "RESPONSIBLE_OFFICER", "en", null);
        for (int i = 0; i < 3; i++) {
            String prisonNumber = InboundEvents.prisonNumber();
            topics.send(Topics.RESETTLEMENT, prisonNumber, InboundEvents.received(prisonNumber, officer),
                    headers(RECEIVED, newId(), prisonNumber));
        }
        awaitMails(officer, 3);

        Http.Response first = http.get("/api/notifications?recipientCode=" + officer + "&page=0&size=2", viewer);
        Http.Response second = http.get("/api/notifications?recipientCode=" + officer + "&page=1&size=2", viewer);
        assertThat(first.body().get("total").asLong()).isEqualTo(3);
        assertThat(first.body().get("items")).hasSize(2);
        assertThat(second.body().get("items")).hasSize(1);
        assertThat(first.body().get("items").get(0).get("createdAt").asString())
                .isGreaterThanOrEqualTo(first.body().get("items").get(1).get("createdAt").asString());
    }

    @Test
    void onlyAdminsAndOpsViewersReadTheLog() {
        Http.Response anonymous = http.get("/api/notifications", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        Http.Response wrongRole = http.get("/api/notifications", Tokens.forRole("RESPONSIBLE_OFFICER"));
        assertThat(wrongRole.status()).isEqualTo(403);
        assertThat(wrongRole.contentType()).startsWith("application/problem+json");
        assertThat(http.get("/api/notifications", admin).status()).isEqualTo(200);
        assertThat(http.post("/api/admin/dead-letters/replay", viewer, Map.of()).status()).isEqualTo(403);
    }

    // --- helpers

    /** A second instance of the service on the same broker, database, SMTP server and clock. */
    private String[] sameInfrastructure() {
        return anotherInstance(List.of(), "spring.mail.host", "spring.mail.port",
                "notifications.delivery.poll-interval", "notifications.delivery.max-attempts",
                "notifications.delivery.back-off-initial", "notifications.delivery.back-off-max",
                "notifications.delivery.claim-lease");
    }

    /** Puts the recipient in the directory with a test address derived from the code; returns the code. */
    String recipient(String code, String kind, String language, String quietHours) {
        Map<String, String> entry = new java.util.HashMap<>(Map.of("kind", kind, "email", email(code),
                "language", language));
        if (quietHours != null) {
            entry.put("quietHours", quietHours);
        }
        Http.Response saved = http.put("/api/recipients/" + code, admin, entry);
        assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
        return code;
    }

    static String email(String code) {
        return code.toLowerCase() + "@test.example.org";
    }

    SmtpSink.Mail awaitMail(String recipientCode) {
        return awaitMails(recipientCode, 1).get(0);
    }

    List<SmtpSink.Mail> awaitMails(String recipientCode, int count) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> smtp.to(email(recipientCode)), mails -> mails.size() >= count);
    }

    JsonNode awaitEntry(String recipientCode, Predicate<JsonNode> matching) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    Http.Response r = http.get("/api/notifications?recipientCode=" + recipientCode, viewer);
                    if (r.status() != 200) {
                        return null;
                    }
                    for (JsonNode item : r.body().get("items")) {
                        if (matching.test(item)) {
                            return item;
                        }
                    }
                    return null;
                }, java.util.Objects::nonNull);
    }

    long entryCount(String eventId) {
        return mongo.count(Query.query(Criteria.where("sourceEventId").is(eventId)), Notification.class);
    }

    /** Counters move just after the log entry is written: wait for them rather than race them. */
    void awaitCount(String name, String tag, String value, double expected) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(counter(name, tag, value)).isEqualTo(expected));
    }

    double counter(String name, String tag, String value) {
        return meters.find(name).tag(tag, value).counters().stream().mapToDouble(Counter::count).sum();
    }


}
