package uk.probation.gate.notifications.deliverylog;

import uk.probation.gate.platform.test.OnEmbeddedInfrastructure;

/** {@link DeliveryScenarios} on the embedded Kafka broker and Mongo wire server. */
@OnEmbeddedInfrastructure(database = "notifications-it")
class DeliveryEmbeddedIT extends DeliveryScenarios {
}
