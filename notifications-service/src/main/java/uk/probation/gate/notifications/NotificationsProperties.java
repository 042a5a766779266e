package uk.probation.gate.notifications;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * @param recipients        directory entries seeded at start-up when absent (the local stack)
 * @param providerRecipients a directory entry seeded for every provider in {@code ReferenceData} that
 *                          {@code recipients} does not name (the local stack: every provider reachable)
 * @param retention         how long what this service keeps about people is kept (ISO-8601 periods)
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
        @DefaultValue List<SeedRecipient> recipients,
        @DefaultValue ProviderRecipients providerRecipients,
        @DefaultValue Retention retention) {

    /** {@code whenValue} for one value, {@code whenAnyOf} for several (a list field: any of them in the list). */
    public record Rule(String eventType, RecipientKind recipient, String recipientCode, String template,
            String whenField, String whenValue, List<String> whenAnyOf) {

        List<String> whenValues() {
            List<String> values = new ArrayList<>(whenAnyOf == null ? List.of() : whenAnyOf);
            if (whenValue != null) {
                values.add(whenValue);
            }
            return values;
        }
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

    /**
     * @param seed     whether to seed them at all (off where the directory is kept by hand)
     * @param email    the address, {@code {code}} standing for the provider code in lower case with '-' for '_'
     * @param language the language of the seeded entries
     */
    public record ProviderRecipients(@DefaultValue("false") boolean seed,
            @DefaultValue("referrals@{code}.example.org") String email, @DefaultValue("en") String language) {

        public String emailFor(String providerCode) {
            return email.replace("{code}", providerCode.toLowerCase(Locale.ROOT).replace('_', '-'));
        }
    }

    /**
     * @param renderedBodies   the subject and body text of a message, from when it was rendered: long enough to answer
     *                         "what did we send?", short because the text names the person; the entry stays without it
     * @param deliveryLog      a delivery-log entry (who was told what, when, how it went), from when it was logged
     * @param personRecipients a person's own directory entry (their address, language, quiet hours), from its last
     *                         change, once no delivery-log entry names the person any more
     */
    public record Retention(@DefaultValue("P14D") String renderedBodies, @DefaultValue("P2Y") String deliveryLog,
            @DefaultValue("P2Y") String personRecipients) {
    }

    public record SeedRecipient(String code, RecipientKind kind, String email, String language, String quietHours) {
    }

    public NotificationRules ruleTable() {
        return new NotificationRules(rules.stream().map(r -> new NotificationRule(r.eventType(), r.recipient(),
                r.recipientCode(), r.template(), r.whenField(), r.whenValues())).toList());
    }
}
