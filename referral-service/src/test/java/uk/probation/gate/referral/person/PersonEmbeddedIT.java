package uk.probation.gate.referral.person;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.probation.gate.platform.test.EmbeddedInfrastructure;

/** Person scenarios on the embedded Kafka broker and Mongo wire server. */
class PersonEmbeddedIT extends PersonScenarios {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry r) {
        EmbeddedInfrastructure.register(r, "referral-it");
    }
}
