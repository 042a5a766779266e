package uk.probation.gate.resettlement.caseload;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;
import uk.probation.gate.platform.test.ContainersInfrastructure;

/** The same Subject access scenarios on real apache/kafka and mongo:8 images, wherever Docker runs. */
@Testcontainers(disabledWithoutDocker = true)
class SubjectAccessContainersIT extends SubjectAccessScenarios {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ContainersInfrastructure.get().registerProperties(registry, "resettlement-it");
    }
}
