package uk.probation.gate.resettlement.caseload;

import uk.probation.gate.platform.test.OnEmbeddedInfrastructure;

/** Prison scoping, who did what, the timeline and the release figures on the embedded broker and Mongo server. */
@OnEmbeddedInfrastructure(database = "resettlement-scoping-it")
class PrisonScopingEmbeddedIT extends PrisonScopingScenarios {
}
