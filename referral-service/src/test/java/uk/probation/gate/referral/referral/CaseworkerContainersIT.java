package uk.probation.gate.referral.referral;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;
import uk.probation.gate.platform.test.ContainersInfrastructure;

/** The same caseworker scenarios on real apache/kafka and mongo:8 images, wherever Docker runs. */
@Testcontainers(disabledWithoutDocker = true)
class CaseworkerContainersIT extends CaseworkerScenarios {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry r) {
        ContainersInfrastructure.get().registerProperties(r, "referral-caseworker-it");
    }
}
