package uk.probation.gate.referral.referral.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import uk.probation.gate.referral.domain.Need;
import uk.probation.gate.referral.domain.RiskOfSeriousHarm;
import uk.probation.gate.referral.domain.Sex;

/**
 * A manual referral: who (prison number and/or CRN), which need, where (a prison or an area), sex and risk, and
 * optionally the desired outcomes (UPPER_SNAKE codes) its end-of-service report will answer.
 */
record ReferralRequest(
        @NotNull @Valid
        PersonReference personReference,
        @NotNull
        Need need,
        @Pattern(regexp = "^[A-Z]{3}$", message = "must be a three-letter prison code")
        String prisonCode,
        @Pattern(regexp = "^[A-Z0-9]{3,10}$", message = "must be a probation area code of 3-10 letters or digits")
        String areaCode,
        @NotNull
        Sex sex,
        @NotNull
        RiskOfSeriousHarm riskOfSeriousHarm,
        @Pattern(regexp = "^[A-Z0-9]{3,12}$", message = "must be an officer code of 3-12 letters or digits")
        String responsibleOfficerCode,
        @Size(max = 20, message = "at most 20 desired outcomes")
        List<@NotNull @Pattern(regexp = "^[A-Z][A-Z0-9_]{1,63}$",
                message = "must be an UPPER_SNAKE code such as SETTLED_ACCOMMODATION") String> desiredOutcomes) {

    record PersonReference(
            @Pattern(regexp = "^[A-Z][0-9]{4}[A-Z]{2}$", message = "must be a prison number like A1234BC")
            String prisonNumber,
            @Pattern(regexp = "^[A-Z][0-9]{6}$", message = "must be a CRN like X123456")
            String crn) {
    }
}
