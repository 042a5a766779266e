package uk.probation.gate.contracts.referral;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code referral.referral.declined} v1: {@code reason} is an UPPER_SNAKE code, never free text; {@code unroutable}
 * when no further provider matches (otherwise a {@link ReferralSent} to the next provider follows).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReferralDeclined(
        String referralId,
        PersonReference personReference,
        String need,
        String providerCode,
        String reason,
        boolean unroutable,
        String caseId,
        String prisonCode,
        String areaCode,
        String sex,
        String responsibleOfficerCode) {
}
