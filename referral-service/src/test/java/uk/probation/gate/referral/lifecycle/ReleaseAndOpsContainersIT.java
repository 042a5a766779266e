package uk.probation.gate.referral.lifecycle;

import org.testcontainers.junit.jupiter.Testcontainers;
import uk.probation.gate.platform.test.OnContainerInfrastructure;

/** The same {@link ReleaseAndOpsScenarios} on real apache/kafka and mongo:8 images, wherever Docker runs. */
@Testcontainers(disabledWithoutDocker = true)
@OnContainerInfrastructure(database = "referral-routing-it")
class ReleaseAndOpsContainersIT extends ReleaseAndOpsScenarios {
}
