package uk.probation.gate.contracts.resettlement;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * {@code resettlement.prisoner.received} v1. Identifiers and codes only. {@code recall} is true when the admission's
 * movement reason is a recall (absent in events written before it existed).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PrisonerReceived(
        String caseId,
        String prisonNumber,
        String crn,
        String prisonCode,
        LocalDate receivedOn,
        LocalDate expectedReleaseDate,
        String sex,
        String riskOfSeriousHarm,
        String responsibleOfficerCode,
        LocalDate screeningDueBy,
        Boolean recall) {
}
