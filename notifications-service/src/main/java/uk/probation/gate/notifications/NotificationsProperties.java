package uk.probation.gate.notifications;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import uk.probation.gate.notifications.domain.Channel;
import uk.probation.gate.notifications.domain.NotificationRule;
import uk.probation.gate.notifications.domain.NotificationRules;
import uk.probation.gate.notifications.domain.RecipientKind;
import uk.probation.gate.notifications.domain.RetryPolicy;

/**
 * Who is told what, and how: the business may change all of this without a release.
 *
 * @param defaultChannel    how a recipient is told
 * @param defaultLanguage   the language used when a recipient's own has no template (the fallback)
 * @param zone              where quiet hours are measured
 * @param quietHoursApplyTo the recipient kinds whose quiet hours are respected (people, not officers)
 * @param rules             which event types notify whom
 * @param delivery          the delivery queue: polling, retries with back-off
 * @param email             the e-mail channel
 * @param referenceData     names for codes the events carry (prisons, areas, providers), for templates
 * @param recipients        directory entries seeded at start-up when absent (the local stack)
 */
@ConfigurationProperties("notifications")
public record NotificationsProperties(
        @DefaultValue("EMAIL") Channel defaultChannel,
        @DefaultValue("en") String defaultLanguage,
        @DefaultValue("Europe/London") ZoneId zone,
        @DefaultValue("PERSON") Set<RecipientKind> quietHoursApplyTo,
        @DefaultValue List<Rule> rules,
        @DefaultValue Delivery delivery,
        @DefaultValue Email email,
        @DefaultValue ReferenceData referenceData,
        @DefaultValue List<SeedRecipient> recipients) {

    public record Rule(String eventType, RecipientKind recipient, String recipientCode, String template,
            String whenField, String whenValue) {
    }

    public record Delivery(@DefaultValue("PT1S") Duration pollInterval, @DefaultValue("50") int batchSize,
            @DefaultValue("5") int maxAttempts, @DefaultValue("PT30S") Duration backOffInitial,
            @DefaultValue("2.0") double backOffMultiplier, @DefaultValue("PT30M") Duration backOffMax,
            @DefaultValue("PT2M") Duration claimLease) {

        public RetryPolicy retryPolicy() {
            return new RetryPolicy(maxAttempts, backOffInitial, backOffMultiplier, backOffMax);
        }
    }

    public record Email(@DefaultValue("notifications@probation.example") String from) {
    }

    public record ReferenceData(@DefaultValue Map<String, String> prisons, @DefaultValue Map<String, String> areas,
            @DefaultValue Map<String, String> providers) {
    }

    public record SeedRecipient(String code, RecipientKind kind, String email, String language, String quietHours) {
    }

    public NotificationRules ruleTable() {
        return new NotificationRules(rules.stream().map(r -> new NotificationRule(r.eventType(), r.recipient(),
                r.recipientCode(), r.template(), r.whenField(), r.whenValue())).toList());
    }
}
