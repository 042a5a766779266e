package uk.probation.gate.resettlement.caseload;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.probation.gate.platform.test.EmbeddedInfrastructure;

/** Subject access scenarios on the embedded Kafka broker and Mongo wire server. */
class SubjectAccessEmbeddedIT extends SubjectAccessScenarios {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.register(registry, "resettlement-it");
    }
}
