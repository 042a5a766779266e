package uk.probation.gate.web.unpaidwork;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;
import uk.probation.gate.web.api.CommunityPaybackApi;
import uk.probation.gate.web.api.Page;

/**
 * community-payback-service's orders, projects, sessions and attendance as the coordinator's and supervisor's
 * pages use them, called with the signed-in person's token (through {@link CommunityPaybackApi}).
 */
@Component
public class UnpaidWorkApi {

    public record Placement(String projectCode, String projectType, boolean ete, String partner, LocalDate assignedOn) {
    }

    public record Assessment(List<DayOfWeek> availableDays, String childcareConstraints, String shiftPattern,
            String healthAndSafetyNotes, boolean riskOfHarmConsidered, String motivationToComply, boolean intensive,
            LocalDate assessedOn) {

        public List<DayOfWeek> availableDays() {
            return availableDays == null ? List.of() : availableDays;
        }
    }

    public record Attendance(String sessionId, LocalDate sessionDate, String projectCode, String projectType, String outcome,
            int minutesCredited, String recordedBy, String recordedByName, Instant recordedAt) {
    }

    public record Order(String id, String crn, String status, LocalDate sentenceDate, String areaCode, String sex,
            String riskOfSeriousHarm, String responsibleOfficerCode, int requiredMinutes, int creditedMinutes,
            int remainingMinutes, int eteMinutesAllowed, int eteMinutesCredited, LocalDate completeBy,
            Placement placement, Assessment assessment, int enforceableFailures, List<Attendance> attendances,
            LocalDate completedOn) {

        public List<Attendance> attendances() {
            return attendances == null ? List.of() : attendances;
        }

        public boolean overdue() {
            return !"COMPLETED".equals(status) && completeBy != null && completeBy.isBefore(LocalDate.now());
        }
    }

    public record Project(String code, String name, String areaCode, String type, String partner, boolean ete) {
    }

    public record RosterAttendance(String outcome, int minutesCredited, String recordedBy, String recordedByName,
            Instant recordedAt) {
    }

    /** One person booked on a session: the order, how much is left, and what was recorded (null until then). */
    public record RosterEntry(String orderId, String crn, Integer remainingMinutes, RosterAttendance attendance) {
    }

    /** A session as listed (no roster, no length) or read on its own (with both): absent numbers are null. */
    public record Session(String id, String projectCode, String projectName, String projectType, String areaCode,
            LocalDate date, LocalTime startTime, LocalTime endTime, Integer lengthMinutes, Integer supervisors,
            Integer placesPerSupervisor, Integer capacity, Integer booked, Integer placesLeft, String status,
            String standDownReason, Boolean atRisk, List<String> risks, List<RosterEntry> roster) {

        public List<String> risks() {
            return risks == null ? List.of() : risks;
        }

        public List<RosterEntry> roster() {
            return roster == null ? List.of() : roster;
        }

        public Integer booked() {
            return booked == null ? 0 : booked;
        }

        public Integer capacity() {
            return capacity == null ? 0 : capacity;
        }

        public Integer placesLeft() {
            return placesLeft == null ? Math.max(0, capacity() - booked()) : placesLeft;
        }

        public Boolean atRisk() {
            return Boolean.TRUE.equals(atRisk);
        }

        public boolean stoodDown() {
            return "STOOD_DOWN".equals(status);
        }

        public boolean full() {
            return !stoodDown() && placesLeft() <= 0;
        }

        /** The session's length: what a person can be credited for it at most. */
        public int minutes() {
            return lengthMinutes != null && lengthMinutes > 0 ? lengthMinutes
                    : startTime == null || endTime == null ? 0
                    : (int) java.time.Duration.between(startTime, endTime).toMinutes();
        }
    }

    public record StandDown(String sessionId, String reason, int sentHome, List<String> orderIds) {
    }

    public record Recorded(String sessionId, String orderId, String outcome, int minutesCredited, int minutesNotCredited,
            int remainingMinutes) {
    }

    private final RestClient http;

    UnpaidWorkApi(CommunityPaybackApi api) {
        this.http = api.http();
    }

    Page<Order> orders(String crn, String status, Boolean overdue, int page, int size) {
        return http.get().uri(uri -> {
            UriBuilder b = uri.path("/api/orders");
            optional(b, "crn", crn);
            optional(b, "status", status);
            optional(b, "overdue", overdue);
            return b.queryParam("page", page).queryParam("size", size).build();
        }).retrieve().body(new ParameterizedTypeReference<Page<Order>>() { });
    }

    Order order(String id) {
        return http.get().uri("/api/orders/{id}", id).retrieve().body(Order.class);
    }

    Order receive(Map<String, Object> order, String idempotencyKey) {
        return http.post().uri("/api/orders").headers(h -> idempotencyKey(h, idempotencyKey)).body(order).retrieve()
                .body(Order.class);
    }

    Order assess(String orderId, Map<String, Object> assessment) {
        return http.put().uri("/api/orders/{id}/assessment", orderId).body(assessment).retrieve().body(Order.class);
    }

    Order place(String orderId, String projectCode, String idempotencyKey) {
        return http.post().uri("/api/orders/{id}/placement", orderId).headers(h -> idempotencyKey(h, idempotencyKey))
                .body(Map.of("projectCode", projectCode)).retrieve().body(Order.class);
    }

    List<Project> projects(String suitableFor) {
        Page<Project> page = http.get().uri(uri -> {
            UriBuilder b = uri.path("/api/projects");
            optional(b, "suitableFor", suitableFor);
            return b.queryParam("size", 100).build();
        }).retrieve().body(new ParameterizedTypeReference<Page<Project>>() { });
        return page == null ? List.of() : page.items();
    }

    Project project(String code) {
        return http.get().uri("/api/projects/{code}", code).retrieve().body(Project.class);
    }

    Project createProject(Map<String, Object> project, String idempotencyKey) {
        return http.post().uri("/api/projects").headers(h -> idempotencyKey(h, idempotencyKey)).body(project)
                .retrieve().body(Project.class);
    }

    Session createSession(String projectCode, Map<String, Object> session, String idempotencyKey) {
        return http.post().uri("/api/projects/{code}/sessions", projectCode)
                .headers(h -> idempotencyKey(h, idempotencyKey)).body(session).retrieve().body(Session.class);
    }

    /** Sessions from {@code from} to {@code to} (inclusive) in the person's areas, optionally of one project. */
    List<Session> sessions(LocalDate from, LocalDate to, String projectCode) {
        Page<Session> page = http.get().uri(uri -> {
            UriBuilder b = uri.path("/api/sessions").queryParam("from", from).queryParam("to", to);
            optional(b, "projectCode", projectCode);
            return b.queryParam("size", 200).build();
        }).retrieve().body(new ParameterizedTypeReference<Page<Session>>() { });
        return page == null ? List.of() : page.items();
    }

    Session session(String id) {
        return http.get().uri("/api/sessions/{id}", id).retrieve().body(Session.class);
    }

    void book(String sessionId, String orderId, String idempotencyKey) {
        http.post().uri("/api/sessions/{id}/bookings", sessionId).headers(h -> idempotencyKey(h, idempotencyKey))
                .body(Map.of("orderId", orderId)).retrieve().toBodilessEntity();
    }

    StandDown standDown(String sessionId, String reason, String idempotencyKey) {
        return http.post().uri("/api/sessions/{id}/stand-down", sessionId)
                .headers(h -> idempotencyKey(h, idempotencyKey)).body(Map.of("reason", reason)).retrieve()
                .body(StandDown.class);
    }

    Recorded recordAttendance(String sessionId, String orderId, String outcome, int minutes, String idempotencyKey) {
        return http.post().uri("/api/sessions/{id}/attendance", sessionId)
                .headers(h -> idempotencyKey(h, idempotencyKey))
                .body(Map.of("orderId", orderId, "outcome", outcome, "minutesCredited", minutes)).retrieve()
                .body(Recorded.class);
    }

    private static void optional(UriBuilder builder, String name, Object value) {
        if (value != null && !(value instanceof String s && s.isBlank())) {
            builder.queryParam(name, value);
        }
    }

    private static void idempotencyKey(HttpHeaders headers, String key) {
        if (key != null && !key.isBlank()) {
            headers.set("Idempotency-Key", key);
        }
    }
}
