package uk.probation.gate.contracts.resettlement;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * {@code resettlement.review.completed} v1: the pre-release review (due from 12 weeks before the expected release
 * date) was completed, answering version {@code questionsVersion} of the pre-release screening questions.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PreReleaseReviewCompleted(
        String caseId,
        String prisonNumber,
        String crn,
        String prisonCode,
        String sex,
        String responsibleOfficerCode,
        LocalDate expectedReleaseDate,
        LocalDate dueBy,
        LocalDate completedOn,
        boolean completedOnTime,
        int questionsVersion) {
}
