package uk.probation.gate.contracts.referral;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code referral.outcome.recorded} v1: {@code outcome} depends on the need (accommodation secured, employment
 * secured, or ACHIEVED / PARTIALLY_ACHIEVED / NOT_ACHIEVED).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReferralOutcomeRecorded(
        String referralId,
        PersonReference personReference,
        String need,
        String providerCode,
        String outcome,
        String caseId,
        String prisonCode,
        String areaCode,
        String sex,
        String responsibleOfficerCode) {
}
