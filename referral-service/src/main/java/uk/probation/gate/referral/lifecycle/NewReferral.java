package uk.probation.gate.referral.lifecycle;

import uk.probation.gate.referral.domain.Need;
import uk.probation.gate.contracts.reference.RiskOfSeriousHarm;
import uk.probation.gate.contracts.reference.Sex;

/**
 * What a referral is made from: who (identifiers only), which need, where, what routing looks at, and the desired
 * outcomes (UPPER_SNAKE codes) the end-of-service report answers.
 */
public record NewReferral(String prisonNumber, String crn, Need need, Referral.Source source, String caseId,
        String prisonCode, String areaCode, Sex sex, RiskOfSeriousHarm riskOfSeriousHarm,
        String responsibleOfficerCode, java.util.List<String> desiredOutcomes) {
}
