package uk.probation.gate.contracts.referral;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * {@code referral.referral.erased} v1: the referral was deleted (its retention ended, or the case it came from was
 * erased); every service deletes what it keeps of it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReferralErased(
        String referralId,
        PersonReference personReference,
        String caseId,
        String providerCode,
        LocalDate erasedOn) {
}
