package uk.probation.gate.resettlement.caseload;

import uk.probation.gate.platform.test.OnEmbeddedInfrastructure;

/** Audit coverage scenarios on the embedded Kafka broker and Mongo wire server. */
@OnEmbeddedInfrastructure(database = "resettlement-it")
class AuditCoverageEmbeddedIT extends AuditCoverageScenarios {
}
