package uk.probation.gate.communitypayback.session;

import uk.probation.gate.platform.test.OnEmbeddedInfrastructure;

/** {@link BookingScenarios} on the embedded Kafka broker and Mongo wire server. */
@OnEmbeddedInfrastructure(database = "community-payback-it")
class BookingEmbeddedIT extends BookingScenarios {
}
