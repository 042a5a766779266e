package uk.probation.gate.referral.person;

import java.time.LocalDate;
import uk.probation.gate.referral.domain.RiskOfSeriousHarm;
import uk.probation.gate.referral.domain.Sex;

/** A reception into a resettlement prison, as resettlement-service published it. */
public record PrisonerReception(
        String caseId,
        String prisonNumber,
        String crn,
        String prisonCode,
        LocalDate receivedOn,
        Sex sex,
        RiskOfSeriousHarm riskOfSeriousHarm,
        String responsibleOfficerCode) {
}
