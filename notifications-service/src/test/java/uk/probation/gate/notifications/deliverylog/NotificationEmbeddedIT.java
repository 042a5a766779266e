package uk.probation.gate.notifications.deliverylog;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.probation.gate.platform.test.EmbeddedInfrastructure;

/** Notification scenarios on the embedded Kafka broker and Mongo wire server. */
class NotificationEmbeddedIT extends OfficerScenarios {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry r) {
        EmbeddedInfrastructure.register(r, "notifications-it");
    }
}
