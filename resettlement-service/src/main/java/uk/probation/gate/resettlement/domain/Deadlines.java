package uk.probation.gate.resettlement.domain;

import java.time.LocalDate;

/**
 * The contract's deadlines: screening and plan within N working days of reception; pre-release work from
 * W weeks before the expected release; the outcome of an unrecorded release recorded within D days.
 */
public record Deadlines(WorkingDays workingDays, int screeningWorkingDays, int preReleaseWeeks,
        int outcomeToRecordDays) {

    public LocalDate screeningDueBy(LocalDate receivedOn) {
        return workingDays.plus(receivedOn, screeningWorkingDays);
    }

    public LocalDate preReleaseReviewFrom(LocalDate expectedReleaseDate) {
        return expectedReleaseDate == null ? null : expectedReleaseDate.minusWeeks(preReleaseWeeks);
    }

    public LocalDate outcomeToRecordBy(LocalDate releasedOn) {
        return releasedOn.plusDays(outcomeToRecordDays);
    }
}
