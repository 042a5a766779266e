package uk.probation.gate.notifications.dataprotection;

/** {@link RetentionScenarios} on the embedded broker and Mongo wire server. */
class RetentionEmbeddedIT extends RetentionScenarios implements DataProtectionScenarios.OnEmbeddedInfrastructure {
}
