package uk.probation.gate.resettlement.caseload;

import uk.probation.gate.platform.test.OnEmbeddedInfrastructure;

/** Reception scenarios on the embedded Kafka broker and Mongo wire server. */
@OnEmbeddedInfrastructure(database = "resettlement-it")
class ReceptionEmbeddedIT extends ReceptionScenarios {
}
