package uk.probation.gate.communitypayback.session;

import org.testcontainers.junit.jupiter.Testcontainers;
import uk.probation.gate.platform.test.OnContainerInfrastructure;

/** The same {@link OrderProgressScenarios} on real apache/kafka and mongo:8 images, wherever Docker runs. */
@Testcontainers(disabledWithoutDocker = true)
@OnContainerInfrastructure(database = "community-payback-it")
class OrderProgressContainersIT extends OrderProgressScenarios {
}
