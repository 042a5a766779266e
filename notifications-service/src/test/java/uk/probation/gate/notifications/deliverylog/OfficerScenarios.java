package uk.probation.gate.notifications.deliverylog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static uk.probation.gate.notifications.support.InboundEvents.headers;
import static uk.probation.gate.notifications.support.InboundEvents.newId;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.probation.gate.contracts.Topics;
import uk.probation.gate.contracts.reference.ReferenceData;
import uk.probation.gate.notifications.support.InboundEvents;
import uk.probation.gate.notifications.support.SmtpSink;
import uk.probation.gate.platform.test.Http;

/**
 * The codes the producers use (event-contracts' {@link ReferenceData}) reach their recipients by name, through the
 * same broker, store and SMTP server as {@link NotificationScenarios}: every provider has a directory entry and is
 * told of a referral by its name, every area and prison is named in the officer's message.
 */
abstract class OfficerScenarios extends NotificationScenarios {

    static final String SEEDED_OFFICER = "N01RO1";

    // --- reference data: one list of codes with the producers, every provider reachable

    @Test
    void everyProviderTheProducersKnowIsSeededAndToldOfAReferralByItsName() {
        Map<String, String> sent = new LinkedHashMap<>();
        for (ReferenceData.Provider provider : ReferenceData.PROVIDERS) {
            Http.Response entry = http.get("/api/recipients/" + provider.code(), admin);
            assertThat(entry.status()).as(provider.code()).isEqualTo(200);
            assertThat(entry.field("kind")).as(provider.code())
                    .isEqualTo(provider.code().equals("SOVA") ? "VOLUNTEER_SERVICE" : "PROVIDER");
            assertThat(entry.field("email")).as(provider.code()).endsWith(".example.org");
            String prisonNumber = InboundEvents.prisonNumber();
            String eventId = newId();
            topics.send(Topics.REFERRAL, prisonNumber, InboundEvents.referralSent(prisonNumber, provider.code()),
                    headers(REFERRAL_SENT, eventId, prisonNumber));
            sent.put(eventId + ":" + provider.code(), prisonNumber);
        }

        for (ReferenceData.Provider provider : ReferenceData.PROVIDERS) {
            String id = sent.keySet().stream().filter(k -> k.endsWith(":" + provider.code())).findFirst()
                    .orElseThrow();
            Notification entry = awaitSent(id);
            assertThat(entry.attempts()).as(provider.code()).isEqualTo(1);
            String address = http.get("/api/recipients/" + provider.code(), admin).field("email");
            SmtpSink.Mail mail = awaitMailAbout(address, sent.get(id));
            assertThat(mail.body()).as(provider.code()).contains("has been sent to " + provider.name() + ".");
        }
    }

    @Test
    void everyAreaTheProducersKnowIsNamedInTheSeededOfficersWelshMessage() {
        assertThat(http.get("/api/recipients/" + SEEDED_OFFICER, admin).field("language")).isEqualTo("cy");
        assertThat(http.get("/api/recipients/" + SEEDED_OFFICER, admin).field("kind"))
                .isEqualTo("RESPONSIBLE_OFFICER");
        assertThat(http.get("/api/recipients/N01RO01", admin).status()).isEqualTo(404);
        Map<String, ReferenceData.Area> sent = new LinkedHashMap<>();
        for (ReferenceData.Area area : ReferenceData.AREAS) {
            String crn = InboundEvents.crn();
            String eventId = newId();
            topics.send(Topics.COMMUNITY_PAYBACK, crn, InboundEvents.sentHome(crn, SEEDED_OFFICER, "WEATHER",
                    area.code()), headers(SENT_HOME, eventId, crn));
            sent.put(eventId, area);
        }

        String address = http.get("/api/recipients/" + SEEDED_OFFICER, admin).field("email");
        sent.forEach((eventId, area) -> {
            Notification entry = awaitSent(eventId + ":" + SEEDED_OFFICER);
            assertThat(entry.language()).isEqualTo("cy");
            SmtpSink.Mail mail = awaitMailAbout(address, entry.subject());
            assertThat(mail.body()).as(area.code()).contains("(" + area.name() + ")").doesNotContain(area.code());
        });
    }

    @Test
    void everyPrisonTheProducersKnowIsNamedInTheSeededOfficersMessage() {
        Map<String, ReferenceData.Prison> sent = new LinkedHashMap<>();
        for (ReferenceData.Prison prison : ReferenceData.PRISONS) {
            String prisonNumber = InboundEvents.prisonNumber();
            String eventId = newId();
            topics.send(Topics.RESETTLEMENT, prisonNumber, InboundEvents.received(prisonNumber, SEEDED_OFFICER,
                    prison.code()), headers(RECEIVED, eventId, prisonNumber));
            sent.put(eventId, prison);
        }

        String address = http.get("/api/recipients/" + SEEDED_OFFICER, admin).field("email");
        sent.forEach((eventId, prison) -> {
            Notification entry = awaitSent(eventId + ":" + SEEDED_OFFICER);
            SmtpSink.Mail mail = awaitMailAbout(address, entry.subject());
            assertThat(mail.subject()).isEqualTo("Derbyn: " + entry.subject() + " yn " + prison.name());
        });
    }

    @Test
    void aReferralToACodeTheDirectoryDoesNotHaveStillFailsVisibly() {
        String prisonNumber = InboundEvents.prisonNumber();
        String eventId = newId();
        topics.send(Topics.REFERRAL, prisonNumber, InboundEvents.referralSent(prisonNumber, "CGL"),
                headers(REFERRAL_SENT, eventId, prisonNumber));

        String id = eventId + ":CGL";
        Notification waiting = awaitNotification(id, n -> n.attempts() == 1);
        assertThat(waiting.status().name()).isEqualTo("PENDING");
        assertThat(waiting.failureReason()).contains("not in the recipient directory");
        clock.advance(Duration.ofMinutes(1));
        awaitNotification(id, n -> n.attempts() == 2);
        clock.advance(Duration.ofMinutes(2));
        Notification failed = awaitNotification(id, n -> n.attempts() == 3);
        assertThat(failed.status().name()).isEqualTo("FAILED");
        assertThat(failed.failureReason()).contains("not in the recipient directory");
    }

    // --- helpers

    Notification awaitSent(String id) {
        return awaitNotification(id, n -> n.status().name().equals("SENT"));
    }

    Notification awaitNotification(String id, java.util.function.Predicate<Notification> matching) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> mongo.findById(id, Notification.class), n -> n != null && matching.test(n));
    }

    /** The message to this address whose subject or body names the person. */
    SmtpSink.Mail awaitMailAbout(String address, String person) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> smtp.to(address).stream()
                        .filter(m -> m.subject().contains(person) || m.body().contains(person)).toList(),
                        mails -> !mails.isEmpty())
                .get(0);
    }

    /** Every message to this address naming the person. */
    List<SmtpSink.Mail> mailsAbout(String address, String person) {
        return smtp.to(address).stream().filter(m -> m.subject().contains(person) || m.body().contains(person))
                .toList();
    }
}
