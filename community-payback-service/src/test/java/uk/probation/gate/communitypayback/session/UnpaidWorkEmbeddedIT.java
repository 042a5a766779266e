package uk.probation.gate.communitypayback.session;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.probation.gate.platform.test.EmbeddedInfrastructure;

/** Unpaid work scenarios on the embedded Kafka broker and Mongo wire server. */
class UnpaidWorkEmbeddedIT extends UnpaidWorkScenarios {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry r) {
        EmbeddedInfrastructure.register(r, "community-payback-it");
    }
}
