package uk.probation.gate.communitypayback.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Whether a person may be booked on a session on a given day; each problem names the constraint broken. */
public final class BookingRules {

    private BookingRules() {
    }

    public static List<Problem> check(Assessment assessment, LocalDate sessionDate, LocalDate completeBy) {
        List<Problem> problems = new ArrayList<>();
        if (!assessment.availableOn(sessionDate)) {
            // the assessment's free-text notes stay out of the message: it may reach logs
            problems.add(new Problem("availableDays", "the person is not available on " + sessionDate.getDayOfWeek()
                    + " (shift pattern and childcare allow " + assessment.availableDays() + ")"));
        }
        if (sessionDate.isAfter(completeBy)) {
            problems.add(new Problem("completeBy", "the session on " + sessionDate
                    + " is after the order must be completed by " + completeBy));
        }
        return problems;
    }
}
