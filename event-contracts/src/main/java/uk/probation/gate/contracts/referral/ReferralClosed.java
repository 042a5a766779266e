package uk.probation.gate.contracts.referral;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code referral.referral.closed} v1: {@code reason} an UPPER_SNAKE code (e.g. OUTCOME_RECORDED, UNROUTABLE, WITHDRAWN);
 * {@code endOfServiceReport} is true when the provider recorded an end-of-service report on closing. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReferralClosed(
        String referralId,
        PersonReference personReference,
        String need,
        String providerCode,
        String reason,
        String outcome,
        String caseId,
        String prisonCode,
        String areaCode,
        String sex,
        String responsibleOfficerCode,
        Boolean endOfServiceReport) {
}
