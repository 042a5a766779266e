package uk.probation.gate.resettlement.caseload;

import org.testcontainers.junit.jupiter.Testcontainers;
import uk.probation.gate.platform.test.OnContainerInfrastructure;

/** The same Retention scenarios on real apache/kafka and mongo:8 images, wherever Docker runs. */
@Testcontainers(disabledWithoutDocker = true)
@OnContainerInfrastructure(database = "resettlement-it")
class RetentionContainersIT extends RetentionScenarios {
}
