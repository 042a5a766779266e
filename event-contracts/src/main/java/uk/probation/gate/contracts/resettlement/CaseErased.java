package uk.probation.gate.contracts.resettlement;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * {@code resettlement.case.erased} v1: the closed case's retention period ended and resettlement-service deleted it;
 * every service deletes what it keeps of this case (copies, referrals made from it, messages about it).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseErased(
        String caseId,
        String prisonNumber,
        String crn,
        String prisonCode,
        LocalDate erasedOn) {
}
