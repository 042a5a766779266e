package uk.probation.gate.communitypayback.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The date rules of unpaid work, against "today" in England and Wales (Europe/London, from the service's clock):
 * attendance is recorded on or after the session's day, a session is booked on or before its day, and an order
 * cannot be completed on a day still to come.
 */
public final class UnpaidWorkDates {

    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    private UnpaidWorkDates() {
    }

    /** Today where the work is done, whatever zone the clock is in. */
    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    /** Attendance for a session still to come is refused: nobody has worked it yet. */
    public static List<Problem> attendance(LocalDate sessionDate, LocalDate today) {
        if (sessionDate.isAfter(today)) {
            return List.of(new Problem("sessionDate", "cannot record attendance before the session's day ("
                    + sessionDate + ")"));
        }
        return List.of();
    }

    /** A session that has already happened cannot be booked: nobody could be told to come. */
    public static List<Problem> booking(LocalDate sessionDate, LocalDate today) {
        if (sessionDate.isBefore(today)) {
            return List.of(new Problem("sessionDate", "the session on " + sessionDate
                    + " has already happened; sessions are booked from today (" + today + ")"));
        }
        return List.of();
    }

    /** An order completes on the day its last minutes were worked, never on a day still to come. */
    public static List<Problem> completion(LocalDate completedOn, LocalDate today) {
        if (completedOn.isAfter(today)) {
            return List.of(new Problem("completedOn", "an order cannot be completed after today (" + today
                    + "); " + completedOn + " is still to come"));
        }
        return List.of();
    }
}
