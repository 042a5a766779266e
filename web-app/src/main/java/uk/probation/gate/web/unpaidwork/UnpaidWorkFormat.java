package uk.probation.gate.web.unpaidwork;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** How unpaid work pages write hours, dates and times, GOV.UK style: "2 hours 30 minutes", "9am", "1:30pm". */
@Component
public class UnpaidWorkFormat {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.UK);

    public String hours(Integer total) {
        if (total == null) {
            return "";
        }
        int minutes = total;
        int h = minutes / 60;
        int m = minutes % 60;
        String hours = h == 1 ? "1 hour" : h + " hours";
        if (m == 0) {
            return hours;
        }
        String mins = m == 1 ? "1 minute" : m + " minutes";
        return h == 0 ? mins : hours + " " + mins;
    }

    public String date(LocalDate date) {
        return date == null ? "" : date.format(DATE);
    }

    public String day(LocalDate date) {
        return date == null ? "" : date.format(DAY);
    }

    public String shortDay(LocalDate date) {
        return date == null ? "" : date.format(SHORT_DAY);
    }

    public String time(LocalTime time) {
        if (time == null) {
            return "";
        }
        int hour = time.getHour() % 12 == 0 ? 12 : time.getHour() % 12;
        String suffix = time.getHour() < 12 ? "am" : "pm";
        if (time.getHour() == 12 && time.getMinute() == 0) {
            return "midday";
        }
        return time.getMinute() == 0 ? hour + suffix : hour + ":" + String.format("%02d", time.getMinute()) + suffix;
    }

    /**
     * Today where unpaid work is done (Europe/London), as community-payback-service counts it: attendance is
     * recorded from a session's day, and sessions are booked from today.
     */
    public static LocalDate today() {
        return LocalDate.now(java.time.ZoneId.of("Europe/London"));
    }

    public String times(LocalTime start, LocalTime end) {
        return time(start) + " to " + time(end);
    }

    /** "Today", "Yesterday", "Tomorrow" or the day, for headings over a day's sessions. */
    public String relativeDay(LocalDate date) {
        LocalDate today = today();
        if (date.equals(today)) {
            return "Today, " + date.format(DAY);
        }
        if (date.equals(today.minusDays(1))) {
            return "Yesterday, " + date.format(DAY);
        }
        if (date.equals(today.plusDays(1))) {
            return "Tomorrow, " + date.format(DAY);
        }
        return date.format(DAY);
    }
}
