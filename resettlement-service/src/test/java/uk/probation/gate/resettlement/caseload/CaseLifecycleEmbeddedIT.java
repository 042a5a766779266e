package uk.probation.gate.resettlement.caseload;

import uk.probation.gate.platform.test.OnEmbeddedInfrastructure;

/** Case lifecycle scenarios on the embedded Kafka broker and Mongo wire server. */
@OnEmbeddedInfrastructure(database = "resettlement-lifecycle-it")
class CaseLifecycleEmbeddedIT extends CaseLifecycleScenarios {
}
