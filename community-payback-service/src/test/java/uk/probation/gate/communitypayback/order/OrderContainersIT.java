package uk.probation.gate.communitypayback.order;

import org.testcontainers.junit.jupiter.Testcontainers;
import uk.probation.gate.platform.test.OnContainerInfrastructure;

/** The same order scenarios on real apache/kafka and mongo:8 images, wherever Docker runs. */
@Testcontainers(disabledWithoutDocker = true)
@OnContainerInfrastructure(database = "community-payback-it")
class OrderContainersIT extends OrderScenarios {
}
