package uk.probation.gate.notifications.dataprotection;

import uk.probation.gate.platform.test.OnEmbeddedInfrastructure;

/** {@link RetentionScenarios} on the embedded broker and Mongo wire server. */
@OnEmbeddedInfrastructure(database = DataProtectionScenarios.DATABASE)
class RetentionEmbeddedIT extends RetentionScenarios {
}
