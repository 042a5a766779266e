package uk.probation.gate.notifications.dataprotection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import tools.jackson.databind.JsonNode;
import uk.probation.gate.contracts.Topics;
import uk.probation.gate.notifications.deliverylog.Notification;
import uk.probation.gate.notifications.support.InboundEvents;
import uk.probation.gate.platform.retention.RetentionPolicy;
import uk.probation.gate.platform.test.Http;
import uk.probation.gate.platform.test.SarCoverage;
import uk.probation.gate.platform.test.Tokens;

/**
 * Nothing kept for ever: the text of a message goes after 14 days (the entry stays), an entry after two years, a
 * person's own directory entry once nothing names them; and when an owner erases a case, an order or a referral
 * (its erased event on the real broker), every entry about it goes with anything queued, nothing is sent, and once
 * nothing names the person, no copy of them is left. Policies are run with a far-future "now" rather than by waiting.
 */
abstract class RetentionScenarios extends DataProtectionScenarios {

    @Autowired
    @Qualifier("renderedBodiesRetention")
    RetentionPolicy renderedBodies;

    @Autowired
    @Qualifier("deliveryLogRetention")
    RetentionPolicy deliveryLog;

    @Autowired
    @Qualifier("personRecipientsRetention")
    RetentionPolicy personRecipients;

    final String sar = Tokens.forSubjectAccess();

    @Test
    void theAdminSeesEveryPolicyWithItsPeriodAndCanRunThemNow() {
        Http.Response policies = http.get("/api/admin/retention", admin);
        assertThat(policies.status()).isEqualTo(200);
        Map<String, String> periods = new java.util.HashMap<>();
        policies.body().forEach(p -> periods.put(p.get("name").asString(), p.get("period").asString()));
        assertThat(periods).containsEntry("rendered-bodies", "P14D").containsEntry("delivery-log", "P2Y")
                .containsEntry("person-recipients", "P2Y").containsEntry("idempotency-keys", "PT24H")
                .containsEntry("audit-log", "P7Y");
        Http.Response run = http.post("/api/admin/retention/run", admin, Map.of());
        assertThat(run.status()).isEqualTo(200);
        assertThat(run.body().get("purged").has("rendered-bodies")).isTrue();
        assertThat(http.post("/api/admin/retention/run", viewer, Map.of()).status()).isEqualTo(403);
    }

    @Test
    void aMessagesTextGoesAfterItsPeriodTheEntryStaysAndEntriesGoAfterTwoYears() {
        String officer = recipient(InboundEvents.officerCode(), "RESPONSIBLE_OFFICER", "en", null);
        String older = InboundEvents.prisonNumber();
        String newer = InboundEvents.prisonNumber();
        String olderEvent = received(UUID.randomUUID().toString(), older, InboundEvents.crn(), officer);
        awaitEntry(olderEvent, officer, "SENT");
        clock.advance(Duration.ofDays(10));
        String newerEvent = received(UUID.randomUUID().toString(), newer, InboundEvents.crn(), officer);
        awaitEntry(newerEvent, officer, "SENT");

        // five days on, the older message is 15 days old: past P14D; the newer one is 5 days old
        long removed = renderedBodies.purge(clock.instant().plus(Duration.ofDays(5)));
        assertThat(removed).isPositive();
        Notification thinned = mongo.findById(olderEvent + ":" + officer, Notification.class);
        assertThat(thinned.messageSubject()).isNull();
        assertThat(thinned.messageBody()).isNull();
        assertThat(thinned.messageRemovedAt()).isEqualTo(clock.instant().plus(Duration.ofDays(5)));
        assertThat(thinned.status().name()).isEqualTo("SENT");
        assertThat(mongo.findById(newerEvent + ":" + officer, Notification.class).messageBody()).contains(newer);
        JsonNode report = http.get("/subject-access-request?prn=" + older, sar).body().get("content")
                .get("notifications").get(0);
        assertThat(report.has("messageBody")).isFalse();
        assertThat(report.get("message").asString()).contains("deleted at the end of its retention period");
        assertThat(logged(officer)).contains(olderEvent, newerEvent);
        assertThat(renderedBodies.purge(clock.instant().plus(Duration.ofDays(5)))).as("a second run").isZero();

        // two years after the older one was logged (less a day) it is gone; the newer one stays
        long deleted = deliveryLog.purge(clock.instant().minus(Duration.ofDays(10)).plus(Duration.ofDays(1))
                .atOffset(ZoneOffset.UTC).plus(Period.ofYears(2)).toInstant());
        assertThat(deleted).isPositive();
        assertThat(logged(officer)).containsExactly(newerEvent);
        assertThat(http.get("/subject-access-request?prn=" + older, sar).status()).isEqualTo(204);
        assertThat(http.get("/subject-access-request?prn=" + newer, sar).status()).isEqualTo(200);
        assertThat(deliveryLog.purge(clock.instant().minus(Duration.ofDays(10)).plus(Duration.ofDays(1))
                .atOffset(ZoneOffset.UTC).plus(Period.ofYears(2)).toInstant())).as("a second run").isZero();
    }

    /**
     * A backlog of old messages (the policy was off, or a store was loaded) is thinned reading each entry about once,
     * and a run with nothing left to do reads next to none (issue 14: finding them by "a message is present" read
     * every old entry for each batch of 500). The count of documents read comes from the Mongo wire server's
     * collStats; real MongoDB does not report it, so there the check is skipped.
     */
    @Test
    void aBacklogOfOldMessagesIsThinnedReadingEachEntryOnceAndANothingToDoRunReadsNone() {
        Instant logged = clock.instant().minus(Duration.ofDays(20));
        int backlog = 2000;
        List<org.bson.Document> entries = new java.util.ArrayList<>();
        for (int i = 0; i < backlog; i++) {
            entries.add(new org.bson.Document("_id", UUID.randomUUID() + ":backlog").append("recipientCode", "backlog")
                    .append("recipientKind", "RESPONSIBLE_OFFICER").append("channel", "EMAIL").append("status", "SENT")
                    .append("attempts", 1).append("messageSubject", "Reception").append("messageBody", "A message")
                    .append("createdAt", java.util.Date.from(logged.plusMillis(i))));
        }
        long before = documentsReadThroughIndexes();
        org.junit.jupiter.api.Assumptions.assumeTrue(before >= 0, "the store reports documents read");
        mongo.getCollection("notifications").insertMany(entries);

        assertThat(renderedBodies.purge(clock.instant())).isGreaterThanOrEqualTo(backlog);
        // each entry: read once by the run's walk, once by the update that thins it
        long thinning = documentsReadThroughIndexes() - before;
        assertThat(thinning).as("entries read to thin %d", backlog).isLessThanOrEqualTo(5L * backlog / 2);
        assertThat(mongo.count(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("recipientCode").is("backlog")
                        .and("messageBody").ne(null)), Notification.class)).isZero();

        long again = documentsReadThroughIndexes();
        assertThat(renderedBodies.purge(clock.instant())).as("a second run").isZero();
        assertThat(documentsReadThroughIndexes() - again).as("entries read by a run with nothing to do")
                .isLessThan(100);
    }

    /** The wire server's count of documents of the delivery log read through an index; -1 where it keeps none. */
    private long documentsReadThroughIndexes() {
        Object read = mongo.getDb().runCommand(new org.bson.Document("collStats", "notifications"))
                .get("documentsReadThroughIndexes");
        return read instanceof Number number ? number.longValue() : -1;
    }

    @Test
    void aPersonsDirectoryEntryGoesOnceItIsOldAndNothingNamesThem() {
        String named = recipient(InboundEvents.crn(), "PERSON", "en", null);
        String forgotten = recipient(InboundEvents.crn(), "PERSON", "en", null);
        String officer = recipient(InboundEvents.officerCode(), "RESPONSIBLE_OFFICER", "en", null);
        awaitEntry(sentHome(UUID.randomUUID().toString(), named, officer), named, "SENT");
        java.time.Instant afterTwoYears = clock.instant().atOffset(ZoneOffset.UTC).plus(Period.ofYears(2))
                .plusDays(1).toInstant();

        assertThat(personRecipients.purge(clock.instant())).as("not yet two years").isZero();
        assertThat(http.get("/api/recipients/" + forgotten, admin).status()).isEqualTo(200);
        assertThat(personRecipients.purge(afterTwoYears)).isPositive();
        assertThat(http.get("/api/recipients/" + forgotten, admin).status()).isEqualTo(404);
        assertThat(http.get("/api/recipients/" + named, admin).status()).isEqualTo(200);
        assertThat(http.get("/api/recipients/" + officer, admin).status()).isEqualTo(200);
        assertThat(personRecipients.purge(afterTwoYears)).as("a second run").isZero();
    }

    @Test
    void whenTheOwnersEraseACaseAndAnOrderNothingAboutThePersonIsLeftAndNothingIsSent() {
        String prisonNumber = InboundEvents.prisonNumber();
        String crn = InboundEvents.crn();
        String caseId = UUID.randomUUID().toString();
        String referralId = UUID.randomUUID().toString();
        String orderId = UUID.randomUUID().toString();
        String officer = recipient(InboundEvents.officerCode(), "RESPONSIBLE_OFFICER", "en", null);
        String provider = recipient(InboundEvents.providerCode(), "PROVIDER", "en", null);
        recipient(crn, "PERSON", "en", quietNow());
        // someone else's case, which stays
        String other = InboundEvents.prisonNumber();
        String otherCase = UUID.randomUUID().toString();
        String otherReception = received(otherCase, other, InboundEvents.crn(), officer);

        String reception = received(caseId, prisonNumber, crn, officer);
        String referral = referralSent(referralId, caseId, prisonNumber, crn, provider);
        String sentHome = sentHome(orderId, crn, officer);
        awaitEntry(reception, officer, "SENT");
        awaitEntry(referral, provider, "SENT");
        awaitEntry(sentHome, officer, "SENT");
        awaitEntry(sentHome, crn, "HELD");
        awaitEntry(otherReception, officer, "SENT");
        assertThat(http.get("/subject-access-request?prn=" + prisonNumber + "&crn=" + crn, sar).status())
                .isEqualTo(200);
        int mailsToOfficer = smtp.to(email(officer)).size();

        caseErased(caseId, prisonNumber, crn);
        await().atMost(Duration.ofSeconds(30)).until(() -> entriesWhere("caseId", caseId) == 0);
        assertThat(entriesWhere("referralId", referralId)).as("the case's referral's messages").isZero();
        // the order is not erased yet: its messages, the queued one and the person's directory entry stay
        assertThat(entriesWhere("orderId", orderId)).isEqualTo(2);
        assertThat(http.get("/api/recipients/" + crn, admin).status()).isEqualTo(200);
        assertThat(http.get("/subject-access-request?prn=" + prisonNumber, sar).status()).isEqualTo(204);

        orderErased(orderId, crn);
        await().atMost(Duration.ofSeconds(30)).until(() -> entriesWhere("orderId", orderId) == 0);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> http.get("/api/recipients/" + crn, admin).status() == 404);
        assertThat(http.get("/subject-access-request?prn=" + prisonNumber + "&crn=" + crn, sar).status())
                .isEqualTo(204);
        assertThat(SarCoverage.collectionsNaming(mongo.getDb(), prisonNumber, crn))
                .as("collections still naming the person").isSubsetOf("audit_log");
        assertThat(entriesWhere("caseId", otherCase)).as("someone else's case").isEqualTo(1);

        // the same erasure again changes nothing; a marker behind it on the same partition shows it was consumed
        caseErased(caseId, prisonNumber, crn);
        String marker = received(UUID.randomUUID().toString(), prisonNumber, InboundEvents.crn(),
                recipient(InboundEvents.officerCode(), "RESPONSIBLE_OFFICER", "en", null));
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.exists(
                org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("sourceEventId").is(marker)),
                Notification.class));
        assertThat(smtp.to(email(officer))).as("no message for an erasure").hasSize(mailsToOfficer);
        assertThat(smtp.to(email(crn))).as("the held message was never sent").isEmpty();
        assertThat(mongo.count(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("eventType").regex("\\.erased$")),
                Notification.class)).isZero();
        assertThat(topics.topicOrEmpty("notifications-service.dlt")).noneMatch(e -> prisonNumber.equals(e.key())
                || crn.equals(e.key()));
    }

    @Test
    void anErasedReferralTakesItsMessagesAndLeavesTheCase() {
        String prisonNumber = InboundEvents.prisonNumber();
        String crn = InboundEvents.crn();
        String caseId = UUID.randomUUID().toString();
        String referralId = UUID.randomUUID().toString();
        String officer = recipient(InboundEvents.officerCode(), "RESPONSIBLE_OFFICER", "en", null);
        String provider = recipient(InboundEvents.providerCode(), "PROVIDER", "en", null);
        String reception = received(caseId, prisonNumber, crn, officer);
        String referral = referralSent(referralId, caseId, prisonNumber, crn, provider);
        awaitEntry(reception, officer, "SENT");
        awaitEntry(referral, provider, "SENT");

        referralErased(referralId, caseId, prisonNumber, crn);
        await().atMost(Duration.ofSeconds(30)).until(() -> entriesWhere("referralId", referralId) == 0);
        assertThat(entriesWhere("caseId", caseId)).as("the case's own message").isEqualTo(1);
        assertThat(smtp.to(email(provider))).hasSize(1);
        assertThat(http.get("/subject-access-request?prn=" + prisonNumber, sar).status()).isEqualTo(200);
    }

    @Test
    void anErasedEventWithoutTheIdOfWhatWasErasedIsADeadLetter() {
        String crn = InboundEvents.crn();
        send(Topics.COMMUNITY_PAYBACK, ORDER_ERASED, crn,
                "{\"crn\":\"" + crn + "\",\"areaCode\":\"N53NOT\",\"erasedOn\":\"2033-12-01\"}");
        assertThat(topics.await("notifications-service.dlt", e -> crn.equals(e.key()), 1)).hasSize(1);
    }

    private List<String> logged(String recipientCode) {
        Http.Response page = http.get("/api/notifications?recipientCode=" + recipientCode + "&size=200", viewer);
        assertThat(page.status()).isEqualTo(200);
        List<String> events = new java.util.ArrayList<>();
        page.body().get("items").forEach(i -> events.add(i.get("sourceEventId").asString()));
        return events;
    }
}
