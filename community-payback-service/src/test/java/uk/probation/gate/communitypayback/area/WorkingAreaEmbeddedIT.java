package uk.probation.gate.communitypayback.area;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.probation.gate.platform.test.EmbeddedInfrastructure;

/** Working-area scenarios on the embedded Kafka broker and Mongo wire server. */
class WorkingAreaEmbeddedIT extends WorkingAreaScenarios {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry r) {
        EmbeddedInfrastructure.register(r, "community-payback-it");
    }
}
