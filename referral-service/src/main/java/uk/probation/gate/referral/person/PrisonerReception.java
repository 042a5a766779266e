package uk.probation.gate.referral.person;

import java.time.LocalDate;
import uk.probation.gate.contracts.reference.RiskOfSeriousHarm;
import uk.probation.gate.contracts.reference.Sex;

/** A reception into a resettlement prison, as resettlement-service published it; {@code recall}: a recall admission. */
public record PrisonerReception(
        String caseId,
        String prisonNumber,
        String crn,
        String prisonCode,
        LocalDate receivedOn,
        LocalDate expectedReleaseDate,
        Sex sex,
        RiskOfSeriousHarm riskOfSeriousHarm,
        String responsibleOfficerCode,
        boolean recall) {
}
