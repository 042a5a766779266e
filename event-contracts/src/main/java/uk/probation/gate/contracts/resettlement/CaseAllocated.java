package uk.probation.gate.contracts.resettlement;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code resettlement.case.allocated} v1: the case was allocated to a caseworker ({@code allocatedTo} is the
 * caseworker's user id, the token's {@code sub}; never a name), replacing {@code previouslyAllocatedTo} if any.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseAllocated(
        String caseId,
        String prisonNumber,
        String prisonCode,
        String allocatedTo,
        String previouslyAllocatedTo) {
}
