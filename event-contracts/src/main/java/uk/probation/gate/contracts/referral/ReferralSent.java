package uk.probation.gate.contracts.referral;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/** {@code referral.referral.sent} v1: routed to {@code providerCode}, which must respond by {@code respondBy}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReferralSent(
        String referralId,
        PersonReference personReference,
        String need,
        String providerCode,
        LocalDate respondBy,
        String source,
        String caseId,
        String prisonCode,
        String areaCode,
        String sex,
        String responsibleOfficerCode) {
}
