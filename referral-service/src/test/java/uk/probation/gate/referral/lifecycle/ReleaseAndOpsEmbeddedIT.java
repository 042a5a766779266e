package uk.probation.gate.referral.lifecycle;

import uk.probation.gate.platform.test.OnEmbeddedInfrastructure;

/** {@link ReleaseAndOpsScenarios} on the embedded Kafka broker and Mongo wire server. */
@OnEmbeddedInfrastructure(database = "referral-routing-it")
class ReleaseAndOpsEmbeddedIT extends ReleaseAndOpsScenarios {
}
