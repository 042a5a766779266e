package uk.probation.gate.contracts.resettlement;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * {@code resettlement.prisoner.released} v1. {@code outcomeRecorded} is false when the release came from the prison
 * feed before a caseworker recorded accommodation and ETE (both UNKNOWN then); {@code reason} is the HMPPS release reason.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PrisonerReleased(
        String caseId,
        String prisonNumber,
        String crn,
        String prisonCode,
        String sex,
        String responsibleOfficerCode,
        LocalDate releasedOn,
        String accommodationOnRelease,
        String eteOnRelease,
        boolean metAtGate,
        boolean outcomeRecorded,
        String reason) {
}
