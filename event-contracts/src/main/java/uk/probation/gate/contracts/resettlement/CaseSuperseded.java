package uk.probation.gate.contracts.resettlement;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * {@code resettlement.case.superseded} v1: a later reception of the same person closed this open case (one open case
 * per person); {@code supersededByCaseId} is the case that reception opened.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseSuperseded(
        String caseId,
        String prisonNumber,
        String crn,
        String prisonCode,
        String responsibleOfficerCode,
        String supersededByCaseId,
        LocalDate closedOn) {
}
