package uk.probation.gate.notifications.dataprotection;

import org.testcontainers.junit.jupiter.Testcontainers;
import uk.probation.gate.platform.test.OnContainerInfrastructure;

/** The same {@link RetentionScenarios} on real apache/kafka and mongo:8 images, wherever Docker runs. */
@Testcontainers(disabledWithoutDocker = true)
@OnContainerInfrastructure(database = DataProtectionScenarios.DATABASE)
class RetentionContainersIT extends RetentionScenarios {
}
