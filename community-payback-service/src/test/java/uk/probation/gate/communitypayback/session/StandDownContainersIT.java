package uk.probation.gate.communitypayback.session;

import org.testcontainers.junit.jupiter.Testcontainers;
import uk.probation.gate.platform.test.OnContainerInfrastructure;

/** The same {@link StandDownScenarios} on real apache/kafka and mongo:8 images, wherever Docker runs. */
@Testcontainers(disabledWithoutDocker = true)
@OnContainerInfrastructure(database = "community-payback-it")
class StandDownContainersIT extends StandDownScenarios {
}
