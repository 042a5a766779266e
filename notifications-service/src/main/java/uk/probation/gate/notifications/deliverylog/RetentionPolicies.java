package uk.probation.gate.notifications.deliverylog;

import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.probation.gate.notifications.NotificationsProperties;
import uk.probation.gate.notifications.recipients.RecipientDirectory;
import uk.probation.gate.platform.retention.Retention;
import uk.probation.gate.platform.retention.RetentionPolicy;

/**
 * How long this service keeps what it holds about people (ADR 0010), each period configured under
 * {@code notifications.retention.*}; the platform's retention job runs these on one instance at a time.
 */
@Configuration(proxyBeanMethods = false)
class RetentionPolicies {

    @Bean
    RetentionPolicy renderedBodiesRetention(NotificationsProperties properties, NotificationStore records) {
        String period = Retention.checked("notifications.retention.rendered-bodies",
                properties.retention().renderedBodies());
        return policy("rendered-bodies", "The subject and body text of each message sent (it names the person), from "
                + "when it was rendered; the delivery-log entry stays without it", period,
                now -> records.removeRenderedBodies(Retention.cutoff(now, period), now));
    }

    @Bean
    RetentionPolicy deliveryLogRetention(NotificationsProperties properties, NotificationStore records) {
        String period = Retention.checked("notifications.retention.delivery-log", properties.retention().deliveryLog());
        return policy("delivery-log", "Delivery-log entries (who was told of which event, when, in which language, "
                + "how it went), from when they were logged", period,
                now -> records.deleteLoggedBefore(Retention.cutoff(now, period)));
    }

    @Bean
    RetentionPolicy personRecipientsRetention(NotificationsProperties properties, NotificationStore records,
            RecipientDirectory directory) {
        String period = Retention.checked("notifications.retention.person-recipients",
                properties.retention().personRecipients());
        return policy("person-recipients", "A person's own directory entry (address, language, quiet hours), from its "
                + "last change, once no delivery-log entry names the person", period, now -> {
                    long removed = 0;
                    for (String code : directory.peopleUnchangedSince(Retention.cutoff(now, period), 10_000)) {
                        if (!records.namesAnyone(code) && directory.removePerson(code)) {
                            removed++;
                        }
                    }
                    return removed;
                });
    }

    private static RetentionPolicy policy(String name, String description, String period,
            java.util.function.ToLongFunction<Instant> purge) {
        return new RetentionPolicy() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return description;
            }

            @Override
            public String period() {
                return period;
            }

            @Override
            public long purge(Instant now) {
                return purge.applyAsLong(now);
            }
        };
    }
}
