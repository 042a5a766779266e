package uk.probation.gate.notifications.deliverylog;

import uk.probation.gate.platform.test.OnEmbeddedInfrastructure;

/** {@link DirectoryAndLogScenarios} on the embedded Kafka broker and Mongo wire server. */
@OnEmbeddedInfrastructure(database = "notifications-it")
class DirectoryAndLogEmbeddedIT extends DirectoryAndLogScenarios {
}
