package uk.probation.gate.notifications.deliverylog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
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
import tools.jackson.databind.JsonNode;
import uk.probation.gate.notifications.support.ControllableClock;
import uk.probation.gate.notifications.support.SmtpSink;
import uk.probation.gate.platform.test.Http;
import uk.probation.gate.platform.test.RunningService;
import uk.probation.gate.platform.test.Tokens;

/**
 * Who is told what, run against the embedded broker and Mongo wire server here and against real Kafka and MongoDB
 * images where Docker exists: CloudEvents records go onto the three topics, messages arrive in a real SMTP server
 * that records them, the delivery log, directory and templates are read and written through the API. The service's
 * clock stands still unless a test moves it (back-off, quiet hours). The journeys ({@link DeliveryScenarios},
 * {@link DeliveryReliabilityScenarios}, {@link DirectoryAndLogScenarios}, {@link OfficerScenarios}) share this
 * configuration and so one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "notifications.delivery.poll-interval=PT0.1S",
        "notifications.delivery.max-attempts=3",
        "notifications.delivery.back-off-initial=PT1M",
        "notifications.delivery.back-off-max=PT10M",
        "notifications.delivery.claim-lease=PT1M"})
@AutoConfigureMetrics
@Import(NotificationScenarioSupport.StoppedClock.class)
abstract class NotificationScenarioSupport extends RunningService {

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

    // --- exactly once, bad input

    // --- the channel: retries with back-off, FAILED with the reason, never blocking the others; quiet hours

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

    // --- the delivery log

    // --- helpers

    /** A second instance of the service on the same broker, database, SMTP server and clock. */
    String[] sameInfrastructure() {
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
