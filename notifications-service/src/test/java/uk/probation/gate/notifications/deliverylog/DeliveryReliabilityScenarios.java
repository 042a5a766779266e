package uk.probation.gate.notifications.deliverylog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static uk.probation.gate.notifications.support.InboundEvents.headers;
import static uk.probation.gate.notifications.support.InboundEvents.newId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;
import uk.probation.gate.contracts.Topics;
import uk.probation.gate.notifications.NotificationsApplication;
import uk.probation.gate.notifications.support.InboundEvents;
import uk.probation.gate.notifications.support.SmtpSink;
import uk.probation.gate.platform.test.TopicReader;

/**
 * Delivery when things go wrong: malformed records are dead-lettered without blocking the partition, a message waits
 * out an SMTP outage and fails visibly after its last attempt, quiet hours hold a person's message, two instances
 * send each message once, in the trace of its event.
 */
abstract class DeliveryReliabilityScenarios extends NotificationScenarioSupport {

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
     * A backlog is worked through one batch at a time (issue 14): each poll reads the entries it takes, in the order
     * they fell due, through the queue's index, not the whole backlog again. Entries of notifications that no longer
     * exist are simply dequeued, so only the queue's own reads are counted. The count comes from the Mongo wire
     * server's collStats; real MongoDB does not report it, so there the check is skipped.
     */
    @Test
    void aBacklogIsReadOneBatchAtATimeNotWholeOnEveryPoll() {
        Instant now = clock.instant();
        int backlog = 1000;
        List<QueuedDelivery> entries = new ArrayList<>();
        for (int i = 0; i < backlog; i++) {
            Instant due = now.minusSeconds(30).plusMillis(i);
            entries.add(new QueuedDelivery(newId() + ":gone", due, null, QueuedDelivery.slotOf(due, now), null));
        }
        long readBefore = documentsReadThroughIndexes("delivery_queue");
        org.junit.jupiter.api.Assumptions.assumeTrue(readBefore >= 0, "the store reports documents read");
        mongo.insertAll(entries);

        await().atMost(Duration.ofSeconds(60)).until(() -> mongo.count(Query.query(Criteria.where("_id")
                .in(entries.stream().map(QueuedDelivery::id).toList())), QueuedDelivery.class) == 0);

        // each entry: read once by a poll, once by its claim, once by its removal; re-reading the backlog on every
        // poll of 50 would be about ten times that
        assertThat(documentsReadThroughIndexes("delivery_queue") - readBefore)
                .as("queue documents read while %d due entries were worked through", backlog)
                .isLessThanOrEqualTo(4L * backlog);
    }

    /** The wire server's count of documents read through an index of the collection; -1 where it keeps none. */
    private long documentsReadThroughIndexes(String collection) {
        Object read = mongo.getDb().runCommand(new org.bson.Document("collStats", collection))
                .get("documentsReadThroughIndexes");
        return read instanceof Number number ? number.longValue() : -1;
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
}
