package uk.probation.gate.resettlement.domain;

import java.time.LocalDate;

/**
 * The contract's deadlines: screening and plan within N working days of reception; the pre-release review due from
 * W weeks before the expected release and by D weeks before it (overdue after); the outcome of an unrecorded release
 * recorded within O days.
 */
public record Deadlines(WorkingDays workingDays, int screeningWorkingDays, int preReleaseWeeks,
        int outcomeToRecordDays, int preReleaseReviewDueWeeks) {

    public Deadlines(WorkingDays workingDays, int screeningWorkingDays, int preReleaseWeeks, int outcomeToRecordDays) {
        this(workingDays, screeningWorkingDays, preReleaseWeeks, outcomeToRecordDays, 8);
    }

    /** @throws OutsideKnownBankHolidays naming {@code receivedOn} past the known bank holidays */
    public LocalDate screeningDueBy(LocalDate receivedOn) {
        return workingDays.plus(receivedOn, screeningWorkingDays, "receivedOn");
    }

    public LocalDate preReleaseReviewFrom(LocalDate expectedReleaseDate) {
        return expectedReleaseDate == null ? null : expectedReleaseDate.minusWeeks(preReleaseWeeks);
    }

    public LocalDate preReleaseReviewDueBy(LocalDate expectedReleaseDate) {
        return expectedReleaseDate == null ? null : expectedReleaseDate.minusWeeks(preReleaseReviewDueWeeks);
    }

    public LocalDate outcomeToRecordBy(LocalDate releasedOn) {
        return releasedOn.plusDays(outcomeToRecordDays);
    }
}
