package uk.probation.gate.notifications.deliverylog;

import org.testcontainers.junit.jupiter.Testcontainers;
import uk.probation.gate.platform.test.OnContainerInfrastructure;

/** The same {@link DeliveryReliabilityScenarios} on real apache/kafka and mongo:8 images, wherever Docker runs. */
@Testcontainers(disabledWithoutDocker = true)
@OnContainerInfrastructure(database = "notifications-it")
class DeliveryReliabilityContainersIT extends DeliveryReliabilityScenarios {
}
