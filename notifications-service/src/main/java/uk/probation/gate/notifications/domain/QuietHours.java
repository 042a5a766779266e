package uk.probation.gate.notifications.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/** A daily window, possibly across midnight (21:00-08:00), in which a person does not want to be contacted. */
public record QuietHours(LocalTime from, LocalTime to) {

    public QuietHours {
        if (from == null || to == null || from.equals(to)) {
            throw new IllegalArgumentException("Quiet hours need a start and a different end");
        }
    }

    /** When the quiet hours that {@code now} falls in end, or empty when {@code now} is not in quiet hours. */
    public Optional<Instant> endAfter(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        LocalDate today = local.toLocalDate();
        if (from.isBefore(to)) {
            return !time.isBefore(from) && time.isBefore(to) ? Optional.of(at(today, to, zone)) : Optional.empty();
        }
        if (!time.isBefore(from)) {
            return Optional.of(at(today.plusDays(1), to, zone));
        }
        return time.isBefore(to) ? Optional.of(at(today, to, zone)) : Optional.empty();
    }

    private static Instant at(LocalDate day, LocalTime time, ZoneId zone) {
        return ZonedDateTime.of(day, time, zone).toInstant();
    }
}
