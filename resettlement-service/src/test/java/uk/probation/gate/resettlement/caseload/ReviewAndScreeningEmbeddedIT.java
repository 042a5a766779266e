package uk.probation.gate.resettlement.caseload;

import uk.probation.gate.platform.test.OnEmbeddedInfrastructure;

/** ReviewAndScreening scenarios on the embedded Kafka broker and Mongo wire server. */
@OnEmbeddedInfrastructure(database = "resettlement-it")
class ReviewAndScreeningEmbeddedIT extends ReviewAndScreeningScenarios {
}
