package uk.probation.gate.communitypayback.order;

import uk.probation.gate.platform.test.OnEmbeddedInfrastructure;

/** Order scenarios on the embedded Kafka broker and Mongo wire server. */
@OnEmbeddedInfrastructure(database = "community-payback-it")
class OrderEmbeddedIT extends OrderScenarios {
}
