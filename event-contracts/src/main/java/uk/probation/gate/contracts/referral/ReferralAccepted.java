package uk.probation.gate.contracts.referral;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/** {@code referral.referral.accepted} v1: the provider must start work by {@code startBy}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReferralAccepted(
        String referralId,
        PersonReference personReference,
        String need,
        String providerCode,
        String caseId,
        String prisonCode,
        String areaCode,
        String sex,
        String responsibleOfficerCode,
        LocalDate startBy) {
}
