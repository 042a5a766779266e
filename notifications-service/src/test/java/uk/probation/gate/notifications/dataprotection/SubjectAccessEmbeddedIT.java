package uk.probation.gate.notifications.dataprotection;

import uk.probation.gate.platform.test.OnEmbeddedInfrastructure;

/** {@link SubjectAccessScenarios} on the embedded broker and Mongo wire server. */
@OnEmbeddedInfrastructure(database = DataProtectionScenarios.DATABASE)
class SubjectAccessEmbeddedIT extends SubjectAccessScenarios {
}
