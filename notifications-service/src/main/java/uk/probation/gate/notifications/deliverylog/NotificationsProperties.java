package uk.probation.gate.notifications.deliverylog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import uk.probation.gate.notifications.domain.Channel;

/**
 * Defaults for a recipient the directory does not describe yet.
 *
 * @param defaultChannel  how such a recipient is told
 * @param defaultLanguage the template language they get
 */
@ConfigurationProperties("notifications")
public record NotificationsProperties(@DefaultValue("EMAIL") Channel defaultChannel,
        @DefaultValue("en") String defaultLanguage) {
}
