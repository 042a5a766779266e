package uk.probation.gate.communitypayback.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * How many distinct days a week (ISO week, Monday to Sunday) an order may be booked on: an intensive order up to
 * its limit (four days by default: "intensive unpaid work means up to four days a week"), any other order up to the
 * normal limit. Two sessions on one day count as one day.
 */
public final class DaysPerWeek {

    private DaysPerWeek() {
    }

    public static LocalDate monday(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /**
     * Problems with booking the order on {@code sessionDate} when it is already booked on {@code bookedDays}
     * (any dates; only those in the same ISO week count).
     */
    public static List<Problem> check(boolean intensive, int limit, LocalDate sessionDate,
            Collection<LocalDate> bookedDays) {
        LocalDate monday = monday(sessionDate);
        LocalDate sunday = monday.plusDays(6);
        Set<LocalDate> days = new TreeSet<>();
        for (LocalDate d : bookedDays) {
            if (!d.isBefore(monday) && !d.isAfter(sunday)) {
                days.add(d);
            }
        }
        if (days.contains(sessionDate) || days.size() < limit) {
            return List.of();
        }
        return List.of(new Problem("sessionId", (intensive ? "an intensive order" : "an order that is not intensive")
                + " is worked on at most " + limit + (limit == 1 ? " day" : " days") + " a week; it is already booked on "
                + days + " in the week of " + monday));
    }
}
