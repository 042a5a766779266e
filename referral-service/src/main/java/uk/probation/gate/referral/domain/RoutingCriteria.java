package uk.probation.gate.referral.domain;

import uk.probation.gate.contracts.reference.RiskOfSeriousHarm;
import uk.probation.gate.contracts.reference.Sex;

/** What routing looks at: the need, where the person is (a prison in custody, an area in the community), sex and risk. */
public record RoutingCriteria(Need need, String prisonCode, String areaCode, Sex sex, RiskOfSeriousHarm risk) {
}
