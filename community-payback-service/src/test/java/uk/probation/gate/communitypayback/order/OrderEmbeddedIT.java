package uk.probation.gate.communitypayback.order;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.probation.gate.platform.test.EmbeddedInfrastructure;

/** Order scenarios on the embedded Kafka broker and Mongo wire server. */
class OrderEmbeddedIT extends OrderScenarios {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry r) {
        EmbeddedInfrastructure.register(r, "community-payback-it");
    }
}
