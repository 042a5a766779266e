package uk.probation.gate.contracts.referral;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * {@code referral.referral.escalated} v1: a stage of the referral passed its deadline. {@code stage} RESPONSE (not
 * accepted or declined by {@code dueBy}), START (accepted, not started) or OUTCOME (started, no outcome).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReferralEscalated(
        String referralId,
        PersonReference personReference,
        String need,
        String providerCode,
        String stage,
        LocalDate dueBy,
        String caseId,
        String prisonCode,
        String areaCode,
        String sex,
        String responsibleOfficerCode) {
}
