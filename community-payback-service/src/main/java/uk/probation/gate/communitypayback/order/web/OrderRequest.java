package uk.probation.gate.communitypayback.order.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import uk.probation.gate.communitypayback.domain.RiskOfSeriousHarm;
import uk.probation.gate.communitypayback.domain.Sex;
import uk.probation.gate.communitypayback.domain.UnpaidWorkTerms;
import uk.probation.gate.communitypayback.order.NewOrder;

record OrderRequest(
        @NotBlank @Pattern(regexp = "^[A-Z][0-9]{6}$", message = "must be a CRN like X123456")
        String crn,
        @NotNull @PastOrPresent
        LocalDate sentenceDate,
        @NotNull @Min(UnpaidWorkTerms.MIN_HOURS) @Max(UnpaidWorkTerms.MAX_HOURS)
        Integer requiredHours,
        @NotBlank @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$",
                message = "must be an area code of up to 64 letters, digits, '_', '.' or '-'")
        String areaCode,
        @NotNull
        Sex sex,
        @NotNull
        RiskOfSeriousHarm riskOfSeriousHarm,
        @Pattern(regexp = "^[A-Z0-9]{3,12}$", message = "must be an officer code of 3-12 letters or digits")
        String responsibleOfficerCode) {

    NewOrder toNewOrder() {
        return new NewOrder(crn, sentenceDate, requiredHours, areaCode, sex, riskOfSeriousHarm,
                responsibleOfficerCode);
    }
}
