package uk.probation.gate.referral.lifecycle;

import uk.probation.gate.platform.test.OnEmbeddedInfrastructure;

/** {@link ManualReferralScenarios} on the embedded Kafka broker and Mongo wire server. */
@OnEmbeddedInfrastructure(database = "referral-routing-it")
class ManualReferralEmbeddedIT extends ManualReferralScenarios {
}
