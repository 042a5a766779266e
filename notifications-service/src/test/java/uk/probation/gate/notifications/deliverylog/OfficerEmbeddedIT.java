package uk.probation.gate.notifications.deliverylog;

import uk.probation.gate.platform.test.OnEmbeddedInfrastructure;

/** {@link OfficerScenarios} on the embedded Kafka broker and Mongo wire server. */
@OnEmbeddedInfrastructure(database = "notifications-it")
class OfficerEmbeddedIT extends OfficerScenarios {
}
