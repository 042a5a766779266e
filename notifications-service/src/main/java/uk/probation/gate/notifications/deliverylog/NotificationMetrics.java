package uk.probation.gate.notifications.deliverylog;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import uk.probation.gate.contracts.EventType;
import uk.probation.gate.notifications.NotificationsProperties;
import uk.probation.gate.notifications.domain.Channel;
import uk.probation.gate.notifications.domain.DeliveryStatus;
import uk.probation.gate.notifications.domain.NotificationRule;
import uk.probation.gate.platform.metrics.Labels;

/**
 * Counters labelled channel, template, status and language only: no recipient or person identifiers. Every label
 * value is checked against what is known (the rule table's templates and the event types, ISO 639 languages, the
 * channels and statuses); anything else is counted as {@code other}.
 */
@Component
class NotificationMetrics {

    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
    private static final Set<String> REASONS = Set.of("no_rule", "no_recipient");

    private final MeterRegistry meters;
    private final Set<String> templates;

    NotificationMetrics(MeterRegistry meters, NotificationsProperties properties) {
        this.meters = meters;
        this.templates = Stream.concat(
                properties.ruleTable().all().stream().map(NotificationRule::templateName),
                Arrays.stream(EventType.values()).map(EventType::type)).collect(Collectors.toUnmodifiableSet());
    }

    void sent(Notification n) {
        count("notifications.sent", "Notifications the channel accepted", n, n.language());
    }

    void failed(Notification n) {
        count("notifications.failed", "Notifications given up after the last attempt", n, n.language());
    }

    void retried(Notification n) {
        count("notifications.retried", "Failed attempts that will be retried after a back-off", n, n.language());
    }

    void deduplicated(Notification n) {
        count("notifications.deduplicated", "Events delivered again for a notification already decided", n,
                n.language());
    }

    /** Labelled with the language asked for, which had no template. */
    void fellBack(Notification n) {
        count("notifications.fallback.language", "Notifications sent in the fallback language", n,
                n.requestedLanguage());
    }

    void skipped(String template, String reason) {
        Counter.builder("notifications.skipped").description("Events with nobody to tell")
                .tag("template", Labels.known(template, templates)).tag("reason", Labels.known(reason, REASONS))
                .register(meters).increment();
    }

    private void count(String name, String description, Notification n, String language) {
        Counter.builder(name).description(description)
                .tag("channel", Labels.known(n.channel() == null ? null : n.channel().name(), Channel.class))
                .tag("template", Labels.known(n.template(), templates))
                .tag("status", Labels.known(n.status() == null ? null : n.status().name(), DeliveryStatus.class))
                .tag("language", Labels.known(language, LANGUAGES))
                .register(meters).increment();
    }
}
