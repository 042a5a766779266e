package uk.probation.gate.referral.person;

import java.time.LocalDate;
import uk.probation.gate.contracts.reference.RiskOfSeriousHarm;
import uk.probation.gate.contracts.reference.Sex;

/**
 * A resettlement case's details as {@code resettlement.case.updated} carries them: the whole current state (not only
 * what changed), so a copy is overwritten with it. Identifiers and codes only.
 */
public record CaseDetails(
        String caseId,
        String prisonNumber,
        String crn,
        String prisonCode,
        Sex sex,
        LocalDate expectedReleaseDate,
        RiskOfSeriousHarm riskOfSeriousHarm,
        String responsibleOfficerCode,
        Boolean recall) {
}
