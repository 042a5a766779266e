package uk.probation.gate.communitypayback.session.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.probation.gate.communitypayback.session.Session;
import uk.probation.gate.communitypayback.session.Sessions;
import uk.probation.gate.platform.web.ApiProblem;
import uk.probation.gate.platform.web.Paging;

/** The capacity forecast: what is booked against supervisor capacity, so coordinators act before anyone is sent home. */
@RestController
class CapacityController {

    static final int MAX_DAYS = 92;

    /** One day in the area: totals over the sessions that run (stood-down sessions excluded). */
    record Day(LocalDate date, int sessions, int capacity, int booked, boolean overBooked, int sessionsAtRisk) {
    }

    record Forecast(String areaCode, LocalDate from, LocalDate to, List<SessionView> items, int page, int size,
            long total, List<Day> days) {
    }

    private final Sessions sessions;
    private final Clock clock;

    CapacityController(Sessions sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    @GetMapping("/api/capacity")
    Forecast capacity(@RequestParam String areaCode,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        Paging.check(page, size);
        LocalDate start = from == null ? LocalDate.now(clock) : from;
        LocalDate end = to == null ? start.plusDays(13) : to;
        if (end.isBefore(start)) {
            throw ApiProblem.invalid("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            throw ApiProblem.invalid("to", "the forecast covers at most " + MAX_DAYS + " days");
        }
        List<SessionView> items = sessions.inArea(areaCode, start, end, page, size).stream().map(SessionView::of)
                .toList();
        return new Forecast(areaCode, start, end, items, page, size, sessions.countInArea(areaCode, start, end),
                days(sessions.allInArea(areaCode, start, end)));
    }

    private static List<Day> days(List<Session> all) {
        Map<LocalDate, Day> byDay = new TreeMap<>();
        for (Session s : all) {
            if (s.isStoodDown()) {
                continue;
            }
            Day d = byDay.getOrDefault(s.getDate(), new Day(s.getDate(), 0, 0, 0, false, 0));
            int capacity = d.capacity() + s.getCapacity();
            int booked = d.booked() + s.getBookings().size();
            byDay.put(s.getDate(), new Day(s.getDate(), d.sessions() + 1, capacity, booked,
                    d.overBooked() || s.getBookings().size() > s.getCapacity(),
                    d.sessionsAtRisk() + (s.risks().isEmpty() ? 0 : 1)));
        }
        return List.copyOf(byDay.values());
    }
}
