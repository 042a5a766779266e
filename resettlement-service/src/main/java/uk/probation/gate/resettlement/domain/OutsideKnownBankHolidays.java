package uk.probation.gate.resettlement.domain;

import java.time.LocalDate;

/**
 * A working-day deadline that would pass the end (or start before the beginning) of the bank holidays we know:
 * refused rather than computed silently wrong. {@code field} names the input the deadline was computed from.
 */
public class OutsideKnownBankHolidays extends RuntimeException {

    private final String field;

    public OutsideKnownBankHolidays(String field, LocalDate date, LocalDate knownFrom, LocalDate knownUntil) {
        super("Working days cannot be counted from " + date + ": bank holidays are known from " + knownFrom
                + " to " + knownUntil);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
