package uk.probation.gate.resettlement.caseload;

import java.time.LocalDate;
import uk.probation.gate.resettlement.domain.RiskOfSeriousHarm;
import uk.probation.gate.resettlement.domain.Sex;

/** A prisoner received into a resettlement prison, from a caseworker or an HMPPS movement. */
public record Reception(
        String prisonNumber,
        String crn,
        String prisonCode,
        LocalDate receivedOn,
        LocalDate expectedReleaseDate,
        Sex sex,
        RiskOfSeriousHarm riskOfSeriousHarm,
        String responsibleOfficerCode) {
}
