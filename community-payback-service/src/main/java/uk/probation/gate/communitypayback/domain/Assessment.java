package uk.probation.gate.communitypayback.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/**
 * The assessment before placement: when the person can work (shifts, childcare), health and safety, risk of harm
 * considered, motivation to comply, and whether the order is worked intensively (up to four days a week).
 */
public record Assessment(
        List<DayOfWeek> availableDays,
        String childcareConstraints,
        String shiftPattern,
        String healthAndSafetyNotes,
        boolean riskOfHarmConsidered,
        Motivation motivationToComply,
        boolean intensive,
        LocalDate assessedOn) {

    public Assessment {
        availableDays = List.copyOf(availableDays);
    }

    public boolean availableOn(LocalDate date) {
        return availableDays.contains(date.getDayOfWeek());
    }
}
