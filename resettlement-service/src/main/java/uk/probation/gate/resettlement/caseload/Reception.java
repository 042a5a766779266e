package uk.probation.gate.resettlement.caseload;

import java.time.LocalDate;
import uk.probation.gate.contracts.reference.RiskOfSeriousHarm;
import uk.probation.gate.contracts.reference.Sex;

/** A prisoner received into a resettlement prison, from a caseworker or an HMPPS movement. */
public record Reception(
        String prisonNumber,
        String crn,
        String prisonCode,
        LocalDate receivedOn,
        LocalDate expectedReleaseDate,
        Sex sex,
        RiskOfSeriousHarm riskOfSeriousHarm,
        String responsibleOfficerCode,
        boolean recall) {

    public Reception(String prisonNumber, String crn, String prisonCode, LocalDate receivedOn,
            LocalDate expectedReleaseDate, Sex sex, RiskOfSeriousHarm riskOfSeriousHarm,
            String responsibleOfficerCode) {
        this(prisonNumber, crn, prisonCode, receivedOn, expectedReleaseDate, sex, riskOfSeriousHarm,
                responsibleOfficerCode, false);
    }

    /**
     * What this reception lacks, taken from the person's previous case: from an open case (superseded by this one)
     * crn, officer, sex and risk; from a closed one only crn and officer (risk and sex are assessed again).
     */
    Reception carryingForward(ResettlementCase previous, boolean previousIsOpen) {
        return new Reception(prisonNumber, crn != null ? crn : previous.getCrn(), prisonCode, receivedOn,
                expectedReleaseDate,
                sex != null || !previousIsOpen ? sex : previous.getSex(),
                riskOfSeriousHarm != null || !previousIsOpen ? riskOfSeriousHarm : previous.getRiskOfSeriousHarm(),
                responsibleOfficerCode != null ? responsibleOfficerCode : previous.getResponsibleOfficerCode(),
                recall);
    }
}
