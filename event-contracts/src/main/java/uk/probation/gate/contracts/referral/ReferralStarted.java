package uk.probation.gate.contracts.referral;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/** {@code referral.referral.started} v1: the provider started working the accepted referral (IN_PROGRESS); the outcome is due by {@code outcomeBy}. */
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
        String responsibleOfficerCode,
        LocalDate outcomeBy) {
}
