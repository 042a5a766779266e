package uk.probation.gate.communitypayback.order.web;

import uk.probation.gate.contracts.Identifiers;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import uk.probation.gate.contracts.reference.RiskOfSeriousHarm;
import uk.probation.gate.contracts.reference.Sex;
import uk.probation.gate.communitypayback.domain.UnpaidWorkTerms;
import uk.probation.gate.communitypayback.order.NewOrder;

record OrderRequest(
        @NotBlank @Pattern(regexp = Identifiers.CRN, message = Identifiers.CRN_MESSAGE)
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
        @Pattern(regexp = Identifiers.OFFICER_CODE, message = Identifiers.OFFICER_CODE_MESSAGE)
        String responsibleOfficerCode) {

    NewOrder toNewOrder() {
        return new NewOrder(crn, sentenceDate, requiredHours, areaCode, sex, riskOfSeriousHarm,
                responsibleOfficerCode);
    }
}
