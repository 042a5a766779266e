package uk.probation.gate.contracts.referral;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code referral.referral.started} v1: the provider started working the accepted referral (IN_PROGRESS). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReferralStarted(
        String referralId,
        PersonReference personReference,
        String need,
        String providerCode,
        String caseId,
        String prisonCode,
        String areaCode,
        String sex,
        String responsibleOfficerCode) {
}
