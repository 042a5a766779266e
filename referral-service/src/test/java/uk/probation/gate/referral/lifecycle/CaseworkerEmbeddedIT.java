package uk.probation.gate.referral.lifecycle;

import uk.probation.gate.platform.test.OnEmbeddedInfrastructure;

/** Caseworker, worklist and provider-inbox scenarios on the embedded Kafka broker and Mongo wire server. */
@OnEmbeddedInfrastructure(database = "referral-caseworker-it")
class CaseworkerEmbeddedIT extends CaseworkerScenarios {
}
