package uk.probation.gate.notifications.dataprotection;

import org.testcontainers.junit.jupiter.Testcontainers;

/** The same {@link SubjectAccessScenarios} on real apache/kafka and mongo:8 images, wherever Docker runs. */
@Testcontainers(disabledWithoutDocker = true)
class SubjectAccessContainersIT extends SubjectAccessScenarios implements DataProtectionScenarios.OnContainers {
}
