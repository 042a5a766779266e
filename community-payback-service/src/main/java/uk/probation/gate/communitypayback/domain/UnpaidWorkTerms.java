package uk.probation.gate.communitypayback.domain;

import java.time.LocalDate;

/**
 * The terms an order's hours come with: 40 to 300 hours, completed within a number of months of sentence, of
 * which a share may be education or training. The share and the months are configuration (the national ETE
 * share was 20%, now 30%).
 */
public final class UnpaidWorkTerms {

    public static final int MIN_HOURS = 40;
    public static final int MAX_HOURS = 300;

    private final int eteSharePercent;
    private final int monthsToComplete;

    public UnpaidWorkTerms(int eteSharePercent, int monthsToComplete) {
        if (eteSharePercent < 0 || eteSharePercent > 100) {
            throw new IllegalArgumentException("ETE share must be 0-100%, was " + eteSharePercent);
        }
        if (monthsToComplete < 1) {
            throw new IllegalArgumentException("Months to complete must be positive, was " + monthsToComplete);
        }
        this.eteSharePercent = eteSharePercent;
        this.monthsToComplete = monthsToComplete;
    }

    public int requiredMinutes(int requiredHours) {
        if (requiredHours < MIN_HOURS || requiredHours > MAX_HOURS) {
            throw new IllegalArgumentException("An order requires " + MIN_HOURS + " to " + MAX_HOURS + " hours, not "
                    + requiredHours);
        }
        return requiredHours * 60;
    }

    /** Whole minutes, rounded down: the share is a ceiling on ETE time, never exceeded by rounding. */
    public int eteMinutesAllowed(int requiredMinutes) {
        return requiredMinutes * eteSharePercent / 100;
    }

    public LocalDate completeBy(LocalDate sentenceDate) {
        return sentenceDate.plusMonths(monthsToComplete);
    }

    /** Positive completion: the last minutes were worked within the months allowed from sentence. */
    public boolean completedInTime(LocalDate sentenceDate, LocalDate completedOn) {
        return !completedOn.isAfter(completeBy(sentenceDate));
    }
}
