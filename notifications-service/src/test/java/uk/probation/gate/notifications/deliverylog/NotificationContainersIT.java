package uk.probation.gate.notifications.deliverylog;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;
import uk.probation.gate.platform.test.ContainersInfrastructure;

/** The same notification scenarios on real apache/kafka and mongo:8 images, wherever Docker runs. */
@Testcontainers(disabledWithoutDocker = true)
class NotificationContainersIT extends OfficerScenarios {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry r) {
        ContainersInfrastructure.get().registerProperties(r, "notifications-it");
    }
}
