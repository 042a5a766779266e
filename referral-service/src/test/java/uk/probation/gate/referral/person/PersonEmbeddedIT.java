package uk.probation.gate.referral.person;

import uk.probation.gate.platform.test.OnEmbeddedInfrastructure;

/** Person scenarios on the embedded Kafka broker and Mongo wire server. */
@OnEmbeddedInfrastructure(database = "referral-it")
class PersonEmbeddedIT extends PersonScenarios {
}
