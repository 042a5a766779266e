package uk.probation.gate.notifications.deliverylog;

import uk.probation.gate.platform.test.OnEmbeddedInfrastructure;

/** Notification scenarios on the embedded Kafka broker and Mongo wire server. */
@OnEmbeddedInfrastructure(database = "notifications-it")
class NotificationEmbeddedIT extends OfficerScenarios {
}
