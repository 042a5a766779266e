package uk.probation.gate.resettlement.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Set;

/**
 * Working-day arithmetic: weekends and the given bank holidays are not working days. The holidays are known for
 * whole years only (the first to the last year in the list); counting outside them is refused, never guessed.
 */
public final class WorkingDays {

    private final Set<LocalDate> bankHolidays;
    private final LocalDate knownFrom;
    private final LocalDate knownUntil;

    /** The known range is the whole years the holidays fall in. */
    public WorkingDays(Set<LocalDate> bankHolidays) {
        if (bankHolidays.isEmpty()) {
            throw new IllegalArgumentException("no bank holidays: working days cannot be counted");
        }
        this.bankHolidays = Set.copyOf(bankHolidays);
        this.knownFrom = Collections.min(bankHolidays).withDayOfYear(1);
        LocalDate last = Collections.max(bankHolidays);
        this.knownUntil = last.withDayOfYear(last.lengthOfYear());
    }

    public boolean isWorkingDay(LocalDate date) {
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY
                && !bankHolidays.contains(date);
    }

    /** The last day whose bank holidays are known (31 December of the last year in the list). */
    public LocalDate knownUntil() {
        return knownUntil;
    }

    public LocalDate knownFrom() {
        return knownFrom;
    }

    /** The date {@code days} working days after {@code from} (from itself does not count). */
    public LocalDate plus(LocalDate from, int days) {
        return plus(from, days, "date");
    }

    /** As {@link #plus(LocalDate, int)}; {@code field} names the input if the answer passes the known range. */
    public LocalDate plus(LocalDate from, int days, String field) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative");
        }
        LocalDate date = from;
        int remaining = days;
        check(date, field);
        while (remaining > 0) {
            date = date.plusDays(1);
            check(date, field);
            if (isWorkingDay(date)) {
                remaining--;
            }
        }
        return date;
    }

    private void check(LocalDate date, String field) {
        if (date.isBefore(knownFrom) || date.isAfter(knownUntil)) {
            throw new OutsideKnownBankHolidays(field, date, knownFrom, knownUntil);
        }
    }
}
