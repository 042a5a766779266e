package uk.probation.gate.contracts.resettlement;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code resettlement.case.deallocated} v1: the case no longer has a caseworker. {@code reason} RELEASED,
 * TRANSFERRED, SUPERSEDED or MANUAL.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseDeallocated(
        String caseId,
        String prisonNumber,
        String prisonCode,
        String previouslyAllocatedTo,
        String reason) {
}
