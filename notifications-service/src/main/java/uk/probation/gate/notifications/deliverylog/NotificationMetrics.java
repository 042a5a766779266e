package uk.probation.gate.notifications.deliverylog;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** Counters labelled channel, template, status and language only: no recipient or person identifiers. */
@Component
class NotificationMetrics {

    private final MeterRegistry meters;

    NotificationMetrics(MeterRegistry meters) {
        this.meters = meters;
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
                .tag("template", template).tag("reason", reason).register(meters).increment();
    }

    private void count(String name, String description, Notification n, String language) {
        Counter.builder(name).description(description).tag("channel", n.channel().name())
                .tag("template", n.template()).tag("status", n.status().name()).tag("language", language)
                .register(meters).increment();
    }
}
