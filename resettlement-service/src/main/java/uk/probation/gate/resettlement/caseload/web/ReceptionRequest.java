package uk.probation.gate.resettlement.caseload.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import uk.probation.gate.resettlement.caseload.Reception;
import uk.probation.gate.resettlement.domain.RiskOfSeriousHarm;
import uk.probation.gate.resettlement.domain.Sex;

record ReceptionRequest(
        @NotBlank @Pattern(regexp = "^[A-Z][0-9]{4}[A-Z]{2}$", message = "must be a prison number like A1234BC")
        String prisonNumber,
        @Pattern(regexp = "^[A-Z][0-9]{6}$", message = "must be a CRN like X123456")
        String crn,
        @NotBlank @Pattern(regexp = "^[A-Z]{3}$", message = "must be a three-letter prison code")
        String prisonCode,
        @NotNull @PastOrPresent
        LocalDate receivedOn,
        LocalDate expectedReleaseDate,
        @NotNull
        Sex sex,
        @NotNull
        RiskOfSeriousHarm riskOfSeriousHarm,
        @Pattern(regexp = "^[A-Z0-9]{3,12}$", message = "must be an officer code of 3-12 letters or digits")
        String responsibleOfficerCode,
        Boolean recall) {

    Reception toReception() {
        return new Reception(prisonNumber, crn, prisonCode, receivedOn, expectedReleaseDate, sex, riskOfSeriousHarm,
                responsibleOfficerCode, Boolean.TRUE.equals(recall));
    }
}
