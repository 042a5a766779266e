package uk.probation.gate.notifications.deliverylog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static uk.probation.gate.notifications.support.InboundEvents.headers;
import static uk.probation.gate.notifications.support.InboundEvents.newId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;
import uk.probation.gate.contracts.Topics;
import uk.probation.gate.notifications.support.InboundEvents;
import uk.probation.gate.notifications.support.SmtpSink;
import uk.probation.gate.platform.test.Http;

/**
 * Each event on its topic reaches the right person once, with the right template and language; events with nobody to
 * tell, or of a type nobody is told of, are counted and ignored.
 */
abstract class DeliveryScenarios extends NotificationScenarioSupport {

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
}
