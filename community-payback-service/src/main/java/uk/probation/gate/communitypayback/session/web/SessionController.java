package uk.probation.gate.communitypayback.session.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.probation.gate.communitypayback.domain.AttendanceOutcome;
import uk.probation.gate.communitypayback.domain.OrderStatus;
import uk.probation.gate.communitypayback.domain.StandDownReason;
import uk.probation.gate.communitypayback.order.AttendanceRecord;
import uk.probation.gate.communitypayback.order.Order;
import uk.probation.gate.communitypayback.order.Orders;
import uk.probation.gate.communitypayback.project.Project;
import uk.probation.gate.communitypayback.project.Projects;
import uk.probation.gate.communitypayback.session.Booking;
import uk.probation.gate.communitypayback.session.Session;
import uk.probation.gate.communitypayback.session.Sessions;
import uk.probation.gate.platform.web.ApiProblem;
import uk.probation.gate.platform.web.PageResponse;
import uk.probation.gate.platform.web.Paging;

@RestController
class SessionController {

    record BookingRequest(@NotBlank String orderId) {
    }

    record AttendanceRequest(@NotBlank String orderId, @NotNull AttendanceOutcome outcome,
            @Min(0) @Max(24 * 60) Integer minutesCredited) {
    }

    record StandDownRequest(@NotNull StandDownReason reason) {
    }

    record SessionRequest(
            @NotNull LocalDate date,
            @NotNull LocalTime startTime,
            @NotNull LocalTime endTime,
            @NotNull @Min(0) @Max(50) Integer supervisors,
            @NotNull @Min(1) @Max(30) Integer placesPerSupervisor) {
    }

    record StaffingRequest(@NotNull @Min(0) @Max(50) Integer supervisors, @Min(1) @Max(30) Integer placesPerSupervisor) {
    }

    record BookingView(String sessionId, String orderId, int capacity, int booked, SessionView session) {
    }

    /** What was credited: {@code minutesNotCredited} is what the ETE cap or the order's end left uncredited. */
    record AttendanceView(String sessionId, String orderId, AttendanceOutcome outcome, int minutesCredited,
            int minutesNotCredited, int eteMinutesCredited, OrderStatus orderStatus, int creditedMinutes,
            int remainingMinutes, int enforceableFailures, String recordedBy, String recordedByName,
            Instant recordedAt) {
    }

    record StandDownView(String sessionId, StandDownReason reason, int sentHome, List<String> orderIds,
            SessionView session) {
    }

    static final int MAX_DAYS = 92;

    private final Sessions sessions;
    private final Orders orders;
    private final Projects projects;
    private final Clock clock;

    SessionController(Sessions sessions, Orders orders, Projects projects, Clock clock) {
        this.sessions = sessions;
        this.orders = orders;
        this.projects = projects;
        this.clock = clock;
    }

    /**
     * A new work session on the project; its capacity is supervisors × places per supervisor, computed by the
     * service, never typed in.
     */
    @PostMapping("/api/projects/{code}/sessions")
    ResponseEntity<SessionView> addSession(@PathVariable String code, @Valid @RequestBody SessionRequest r) {
        SessionView view = SessionView.of(sessions.create(code, r.date(), r.startTime(), r.endTime(), r.supervisors(),
                r.placesPerSupervisor()));
        return ResponseEntity.created(URI.create("/api/sessions/" + view.id())).body(view);
    }

    /** Sessions in the caller's areas from {@code from} to {@code to} (both default to today), date then start time. */
    @GetMapping("/api/sessions")
    PageResponse<SessionSummary> list(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String areaCode, @RequestParam(required = false) String projectCode,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Paging.check(page, size);
        LocalDate today = LocalDate.now(clock);
        LocalDate start = from == null ? (to == null || !to.isBefore(today) ? today : to) : from;
        LocalDate end = to == null ? (from == null || !from.isAfter(today) ? today : from) : to;
        if (start.isAfter(end)) {
            throw ApiProblem.unprocessable("The dates are the wrong way round",
                    List.of(new ApiProblem.FieldError("to", "must not be before from (" + start + ")")));
        }
        if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            throw ApiProblem.unprocessable("Too many days asked for",
                    List.of(new ApiProblem.FieldError("to", "a list covers at most " + MAX_DAYS + " days")));
        }
        Sessions.Search search = new Sessions.Search(start, end, blankToNull(areaCode), blankToNull(projectCode));
        List<Session> found = sessions.find(search, page, size);
        Map<String, Project> names = projects.byCodes(found.stream().map(Session::getProjectCode)
                .collect(Collectors.toSet()));
        return new PageResponse<>(found.stream().map(x -> SessionSummary.of(x, names.get(x.getProjectCode())))
                .toList(), page, size, sessions.count(search));
    }

    /** The session with its roster: who is booked, what each order still owes and the attendance recorded. */
    @GetMapping("/api/sessions/{sessionId}")
    SessionView get(@PathVariable String sessionId) {
        Session s = sessions.get(sessionId);
        Map<String, Order> booked = orders.byIds(s.getBookings().stream().map(Booking::orderId).toList());
        return SessionView.withRoster(s, projects.byCodes(List.of(s.getProjectCode())).get(s.getProjectCode()),
                booked);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Supervisors changed: capacity is recomputed; bookings stay, and the session shows at risk if over-booked. */
    @PutMapping("/api/sessions/{sessionId}/supervisors")
    SessionView staff(@PathVariable String sessionId, @Valid @RequestBody StaffingRequest r) {
        return SessionView.of(sessions.staff(sessionId, r.supervisors(), r.placesPerSupervisor()));
    }

    /** Books a place: 409 when the session is full, 422 naming the constraint when the person cannot attend. */
    @PostMapping("/api/sessions/{sessionId}/bookings")
    ResponseEntity<BookingView> book(@PathVariable String sessionId, @Valid @RequestBody BookingRequest r) {
        SessionView session = SessionView.of(sessions.book(sessionId, r.orderId()));
        return ResponseEntity.created(URI.create("/api/sessions/" + sessionId))
                .body(new BookingView(sessionId, r.orderId(), session.capacity(), session.booked(), session));
    }

    /** Cancels a booking that has no outcome yet: the place is free again. */
    @DeleteMapping("/api/sessions/{sessionId}/bookings/{orderId}")
    ResponseEntity<Void> cancel(@PathVariable String sessionId, @PathVariable String orderId) {
        sessions.cancel(sessionId, orderId);
        return ResponseEntity.noContent().build();
    }

    /** Attendance for a booked person: credited to the order and published. */
    @PostMapping("/api/sessions/{sessionId}/attendance")
    ResponseEntity<AttendanceView> attendance(@PathVariable String sessionId,
            @Valid @RequestBody AttendanceRequest r) {
        int reported = r.minutesCredited() == null ? 0 : r.minutesCredited();
        Order o = sessions.recordAttendance(sessionId, r.orderId(), r.outcome(), reported);
        AttendanceRecord recorded = o.getAttendances().stream().filter(a -> a.sessionId().equals(sessionId))
                .findFirst().orElseThrow();
        return ResponseEntity.status(201).body(new AttendanceView(sessionId, o.getId(), r.outcome(),
                recorded.minutesCredited(), reported - recorded.minutesCredited(), recorded.eteMinutesCredited(),
                o.getStatus(), o.getCreditedMinutes(), o.getRemainingMinutes(), o.getEnforceableFailures(),
                recorded.recordedBy(), recorded.recordedByName(), recorded.recordedAt()));
    }

    /** Withdraws the session's instructions for everyone booked: one work sent home each, places freed. */
    @PostMapping("/api/sessions/{sessionId}/stand-down")
    StandDownView standDown(@PathVariable String sessionId, @Valid @RequestBody StandDownRequest r) {
        Sessions.StandDown done = sessions.standDown(sessionId, r.reason());
        return new StandDownView(sessionId, r.reason(), done.sentHome().size(),
                done.sentHome().stream().map(Booking::orderId).toList(), SessionView.of(done.session()));
    }
}
