package uk.probation.gate.contracts.resettlement;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/** {@code resettlement.prisoner.transferred} v1: moved to a prison outside the resettlement list; the case closed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PrisonerTransferred(
        String caseId,
        String prisonNumber,
        String crn,
        String fromPrisonCode,
        String toPrisonCode,
        LocalDate transferredOn,
        String responsibleOfficerCode) {
}
