package uk.probation.gate.referral.lifecycle;

import uk.probation.gate.platform.test.OnEmbeddedInfrastructure;

/** {@link ProviderLifecycleScenarios} on the embedded Kafka broker and Mongo wire server. */
@OnEmbeddedInfrastructure(database = "referral-routing-it")
class ProviderLifecycleEmbeddedIT extends ProviderLifecycleScenarios {
}
