package uk.probation.gate.notifications.dataprotection;

/** {@link SubjectAccessScenarios} on the embedded broker and Mongo wire server. */
class SubjectAccessEmbeddedIT extends SubjectAccessScenarios implements DataProtectionScenarios.OnEmbeddedInfrastructure {
}
