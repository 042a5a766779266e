package uk.probation.gate.contracts.resettlement;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code resettlement.case.updated} v1: a caseworker completed or corrected the case's details, or the case moved to
 * another resettlement prison. Carries the whole current state of those details (not only what changed) so a
 * consumer can overwrite its copy; {@code changedFields} names what changed, e.g. {@code expectedReleaseDate}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseUpdated(
        String caseId,
        String prisonNumber,
        String crn,
        String prisonCode,
        String sex,
        LocalDate receivedOn,
        LocalDate expectedReleaseDate,
        String riskOfSeriousHarm,
        String responsibleOfficerCode,
        Boolean recall,
        LocalDate preReleaseReviewDueBy,
        List<String> changedFields) {
}
