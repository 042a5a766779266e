package uk.probation.gate.referral.lifecycle.web;

import uk.probation.gate.contracts.Identifiers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import uk.probation.gate.referral.domain.Need;
import uk.probation.gate.contracts.reference.RiskOfSeriousHarm;
import uk.probation.gate.contracts.reference.Sex;

/**
 * A manual referral: who (prison number and/or CRN), which need, where (a prison or an area), sex and risk, and
 * optionally the desired outcomes (UPPER_SNAKE codes) its end-of-service report will answer.
 */
record ReferralRequest(
        @NotNull @Valid
        PersonReference personReference,
        @NotNull
        Need need,
        @Pattern(regexp = Identifiers.PRISON_CODE, message = Identifiers.PRISON_CODE_MESSAGE)
        String prisonCode,
        @Pattern(regexp = Identifiers.AREA_CODE, message = Identifiers.AREA_CODE_MESSAGE)
        String areaCode,
        @NotNull
        Sex sex,
        @NotNull
        RiskOfSeriousHarm riskOfSeriousHarm,
        @Pattern(regexp = Identifiers.OFFICER_CODE, message = Identifiers.OFFICER_CODE_MESSAGE)
        String responsibleOfficerCode,
        @Size(max = 20, message = "at most 20 desired outcomes")
        List<@NotNull @Pattern(regexp = "^[A-Z][A-Z0-9_]{1,63}$",
                message = "must be an UPPER_SNAKE code such as SETTLED_ACCOMMODATION") String> desiredOutcomes) {

    record PersonReference(
            @Pattern(regexp = Identifiers.PRISON_NUMBER, message = Identifiers.PRISON_NUMBER_MESSAGE)
            String prisonNumber,
            @Pattern(regexp = Identifiers.CRN, message = Identifiers.CRN_MESSAGE)
            String crn) {
    }
}
