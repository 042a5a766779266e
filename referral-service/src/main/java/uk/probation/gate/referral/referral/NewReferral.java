package uk.probation.gate.referral.referral;

import uk.probation.gate.referral.domain.Need;
import uk.probation.gate.referral.domain.RiskOfSeriousHarm;
import uk.probation.gate.referral.domain.Sex;

/** What a referral is made from: who (identifiers only), which need, where, and what routing looks at. */
public record NewReferral(String prisonNumber, String crn, Need need, Referral.Source source, String caseId,
        String prisonCode, String areaCode, Sex sex, RiskOfSeriousHarm riskOfSeriousHarm,
        String responsibleOfficerCode) {
}
