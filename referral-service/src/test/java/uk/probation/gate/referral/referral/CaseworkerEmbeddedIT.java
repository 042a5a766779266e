package uk.probation.gate.referral.referral;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.probation.gate.platform.test.EmbeddedInfrastructure;

/** Caseworker, worklist and provider-inbox scenarios on the embedded Kafka broker and Mongo wire server. */
class CaseworkerEmbeddedIT extends CaseworkerScenarios {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry r) {
        EmbeddedInfrastructure.register(r, "referral-caseworker-it");
    }
}
