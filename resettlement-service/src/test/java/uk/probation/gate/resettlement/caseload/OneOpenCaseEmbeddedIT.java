package uk.probation.gate.resettlement.caseload;

import uk.probation.gate.platform.test.OnEmbeddedInfrastructure;

/** OneOpenCase scenarios on the embedded Kafka broker and Mongo wire server. */
@OnEmbeddedInfrastructure(database = "resettlement-it")
class OneOpenCaseEmbeddedIT extends OneOpenCaseScenarios {
}
