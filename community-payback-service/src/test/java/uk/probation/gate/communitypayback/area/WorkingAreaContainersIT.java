package uk.probation.gate.communitypayback.area;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;
import uk.probation.gate.platform.test.ContainersInfrastructure;

/** The same working-area scenarios on real apache/kafka and mongo:8 images, wherever Docker runs. */
@Testcontainers(disabledWithoutDocker = true)
class WorkingAreaContainersIT extends WorkingAreaScenarios {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry r) {
        ContainersInfrastructure.get().registerProperties(r, "community-payback-it");
    }
}
