package uk.probation.gate.resettlement.caseload.web;

import uk.probation.gate.contracts.Identifiers;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import uk.probation.gate.resettlement.caseload.Reception;
import uk.probation.gate.contracts.reference.RiskOfSeriousHarm;
import uk.probation.gate.contracts.reference.Sex;

record ReceptionRequest(
        @NotBlank @Pattern(regexp = Identifiers.PRISON_NUMBER, message = Identifiers.PRISON_NUMBER_MESSAGE)
        String prisonNumber,
        @Pattern(regexp = Identifiers.CRN, message = Identifiers.CRN_MESSAGE)
        String crn,
        @NotBlank @Pattern(regexp = Identifiers.PRISON_CODE, message = Identifiers.PRISON_CODE_MESSAGE)
        String prisonCode,
        @NotNull @PastOrPresent
        LocalDate receivedOn,
        LocalDate expectedReleaseDate,
        @NotNull
        Sex sex,
        @NotNull
        RiskOfSeriousHarm riskOfSeriousHarm,
        @Pattern(regexp = Identifiers.OFFICER_CODE, message = Identifiers.OFFICER_CODE_MESSAGE)
        String responsibleOfficerCode,
        Boolean recall) {

    Reception toReception() {
        return new Reception(prisonNumber, crn, prisonCode, receivedOn, expectedReleaseDate, sex, riskOfSeriousHarm,
                responsibleOfficerCode, Boolean.TRUE.equals(recall));
    }
}
