package uk.probation.gate.referral.person;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;
import uk.probation.gate.platform.test.ContainersInfrastructure;

/** The same person scenarios on real apache/kafka and mongo:8 images, wherever Docker runs. */
@Testcontainers(disabledWithoutDocker = true)
class PersonContainersIT extends PersonScenarios {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry r) {
        ContainersInfrastructure.get().registerProperties(r, "referral-it");
    }
}
