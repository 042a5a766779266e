package uk.probation.gate.notifications.deliverylog;

import uk.probation.gate.platform.test.OnEmbeddedInfrastructure;

/** {@link DeliveryReliabilityScenarios} on the embedded Kafka broker and Mongo wire server. */
@OnEmbeddedInfrastructure(database = "notifications-it")
class DeliveryReliabilityEmbeddedIT extends DeliveryReliabilityScenarios {
}
