package uk.probation.gate.resettlement.caseload;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.probation.gate.platform.test.EmbeddedInfrastructure;

/** Prison scoping, who did what, the timeline and the release figures on the embedded broker and Mongo server. */
class PrisonScopingEmbeddedIT extends PrisonScopingScenarios {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.register(registry, "resettlement-scoping-it");
    }
}
