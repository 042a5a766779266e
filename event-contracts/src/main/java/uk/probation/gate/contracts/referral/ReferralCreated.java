package uk.probation.gate.contracts.referral;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code referral.referral.created} v1: {@code source} PLAN (from a completed resettlement plan, with its
 * {@code caseId}) or MANUAL; {@code prisonCode} in custody, {@code areaCode} in the community.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReferralCreated(
        String referralId,
        PersonReference personReference,
        String need,
        String source,
        String caseId,
        String prisonCode,
        String areaCode,
        String sex,
        String riskOfSeriousHarm,
        String responsibleOfficerCode) {
}
