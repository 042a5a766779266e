package uk.probation.gate.communitypayback.area;

import uk.probation.gate.platform.test.OnEmbeddedInfrastructure;

/** Working-area scenarios on the embedded Kafka broker and Mongo wire server. */
@OnEmbeddedInfrastructure(database = "community-payback-it")
class WorkingAreaEmbeddedIT extends WorkingAreaScenarios {
}
