package uk.probation.gate.notifications.dataprotection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.probation.gate.contracts.Topics;
import uk.probation.gate.notifications.deliverylog.Notification;
import uk.probation.gate.notifications.support.ControllableClock;
import uk.probation.gate.notifications.support.InboundEvents;
import uk.probation.gate.notifications.support.SmtpSink;
import uk.probation.gate.platform.test.OnContainerInfrastructure;
import uk.probation.gate.platform.test.OnEmbeddedInfrastructure;
import uk.probation.gate.platform.test.Http;
import uk.probation.gate.platform.test.RunningService;
import uk.probation.gate.platform.test.Tokens;

/**
 * One service on the broker and database the test class names (its own database and consumer group, so it never takes
 * the notification scenarios' events from them), a real SMTP server and a clock that stands still unless a test
 * moves it. Every data-protection test on the embedded infrastructure shares one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "notifications.delivery.poll-interval=PT0.1S",
        "spring.cloud.stream.bindings.resettlementEvents-in-0.group=notifications-data-protection-it",
        "spring.cloud.stream.bindings.communityPaybackEvents-in-0.group=notifications-data-protection-it",
        "spring.cloud.stream.bindings.referralEvents-in-0.group=notifications-data-protection-it"})
@AutoConfigureMetrics
@Import(DataProtectionScenarios.StoppedClock.class)
abstract class DataProtectionScenarios extends RunningService {

    static final String RECEIVED = "resettlement.prisoner.received";
    static final String SENT_HOME = "community-payback.work.sent-home";
    static final String REFERRAL_SENT = "referral.referral.sent";
    static final String CASE_ERASED = "resettlement.case.erased";
    static final String ORDER_ERASED = "community-payback.order.erased";
    static final String REFERRAL_ERASED = "referral.referral.erased";

    static final SmtpSink smtp = new SmtpSink();

    @TestConfiguration(proxyBeanMethods = false)
    static class StoppedClock {
        @Bean
        @Primary
        ControllableClock controllableClock() {
            return new ControllableClock(Instant.parse("2026-11-20T12:00:00Z"));
        }
    }

    /** The broker and database come from the test class: {@link OnEmbeddedInfrastructure} or {@link OnContainerInfrastructure}. */
    @DynamicPropertySource
    static void smtpSink(DynamicPropertyRegistry r) {
        r.add("spring.mail.host", () -> "127.0.0.1");
        r.add("spring.mail.port", smtp::port);
    }

    static final String DATABASE = "notifications-data-protection-it";

    @Autowired
    ControllableClock clock;

    final String admin = Tokens.forRole("ADMIN");
    final String viewer = Tokens.forRole("OPS_VIEWER");

    @BeforeEach
    void connect() {
        smtp.start();
    }

    // --- events as the producers write them, with the ids a test needs to follow

    /** Sends a CloudEvent keyed and subjected by {@code person}; returns its id. */
    String send(String topic, String type, String person, String json) {
        String eventId = UUID.randomUUID().toString();
        topics.send(topic, person, json, InboundEvents.headers(type, eventId, person));
        return eventId;
    }

    String received(String caseId, String prisonNumber, String crn, String officer) {
        return send(Topics.RESETTLEMENT, RECEIVED, prisonNumber, """
                {"caseId":"%s","prisonNumber":"%s","crn":"%s","prisonCode":"NMI","receivedOn":"2026-11-20",
                 "sex":"FEMALE","riskOfSeriousHarm":"MEDIUM","responsibleOfficerCode":"%s",
                 "screeningDueBy":"2026-11-27","expectedReleaseDate":"2027-03-01"}
                """.formatted(caseId, prisonNumber, crn, officer));
    }

    String sentHome(String orderId, String crn, String officer) {
        return send(Topics.COMMUNITY_PAYBACK, SENT_HOME, crn, """
                {"orderId":"%s","crn":"%s","sessionId":"S-1","projectCode":"PARKS-1","areaCode":"N53NOT",
                 "sessionDate":"2026-11-28","reason":"NO_SUPERVISOR","responsibleOfficerCode":"%s"}
                """.formatted(orderId, crn, officer));
    }

    String referralSent(String referralId, String caseId, String prisonNumber, String crn, String provider) {
        return send(Topics.REFERRAL, REFERRAL_SENT, prisonNumber, """
                {"referralId":"%s","personReference":{"prisonNumber":"%s","crn":"%s"},"need":"FINANCE_AND_ID",
                 "providerCode":"%s","respondBy":"2026-12-03","source":"PLAN","caseId":"%s","prisonCode":"NMI",
                 "sex":"MALE"}
                """.formatted(referralId, prisonNumber, crn, provider, caseId));
    }

    String caseErased(String caseId, String prisonNumber, String crn) {
        return send(Topics.RESETTLEMENT, CASE_ERASED, prisonNumber, """
                {"caseId":"%s","prisonNumber":"%s","crn":"%s","prisonCode":"NMI","erasedOn":"2033-12-01"}
                """.formatted(caseId, prisonNumber, crn));
    }

    String orderErased(String orderId, String crn) {
        return send(Topics.COMMUNITY_PAYBACK, ORDER_ERASED, crn, """
                {"orderId":"%s","crn":"%s","areaCode":"N53NOT","erasedOn":"2033-12-01"}
                """.formatted(orderId, crn));
    }

    String referralErased(String referralId, String caseId, String prisonNumber, String crn) {
        return send(Topics.REFERRAL, REFERRAL_ERASED, prisonNumber, """
                {"referralId":"%s","personReference":{"prisonNumber":"%s","crn":"%s"},"caseId":"%s",
                 "providerCode":"INGEUS","erasedOn":"2033-12-01"}
                """.formatted(referralId, prisonNumber, crn, caseId));
    }

    // --- the directory, the log and the SMTP sink

    /** Puts the recipient in the directory (as ADMIN, or as {@code token}); returns the code. */
    String recipient(String code, String kind, String language, String quietHours) {
        return recipient(admin, code, kind, language, quietHours);
    }

    String recipient(String token, String code, String kind, String language, String quietHours) {
        Map<String, String> entry = new HashMap<>(Map.of("kind", kind, "email", email(code), "language", language));
        if (quietHours != null) {
            entry.put("quietHours", quietHours);
        }
        Http.Response saved = http.put("/api/recipients/" + code, token, entry);
        assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
        return code;
    }

    static String email(String code) {
        return code.toLowerCase() + "@test.example.org";
    }

    List<SmtpSink.Mail> awaitMails(String recipientCode, int count) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> smtp.to(email(recipientCode)), mails -> mails.size() >= count);
    }

    /** The entry for this event and recipient, once it has the status wanted. */
    Notification awaitEntry(String eventId, String recipientCode, String status) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> mongo.findById(eventId + ":" + recipientCode, Notification.class),
                        n -> n != null && status.equals(n.status().name()));
    }

    long entriesWhere(String field, String value) {
        return mongo.count(Query.query(Criteria.where(field).is(value)), Notification.class);
    }

    /** Quiet hours around the service's clock now, so a person's message is held (and queued) until they end. */
    String quietNow() {
        java.time.LocalTime now = clock.instant().atZone(java.time.ZoneId.of("Europe/London")).toLocalTime();
        java.time.format.DateTimeFormatter hhmm = java.time.format.DateTimeFormatter.ofPattern("HH:mm");
        return now.minusHours(1).format(hhmm) + "-" + now.plusHours(3).format(hhmm);
    }
}
