package uk.probation.gate.communitypayback.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import uk.probation.gate.platform.test.OnEmbeddedInfrastructure;
import uk.probation.gate.platform.test.Http;
import uk.probation.gate.platform.test.RunningService;
import uk.probation.gate.platform.test.Tokens;

/**
 * One application context (embedded broker, Mongo wire server, real tokens) shared by the data protection tests:
 * audit coverage, subject access, retention and endpoint hardening. Each test works in an area of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMetrics
@OnEmbeddedInfrastructure(database = "community-payback-privacy-it")
abstract class DataProtectionScenarios extends RunningService {

    static final List<String> EVERY_DAY = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY",
            "SATURDAY", "SUNDAY");

    String area;
    String coordinator;
    final LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));

    @BeforeEach
    void connect() {
        area = "DP" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        coordinator = Tokens.coordinatorIn("coordinator-" + area.toLowerCase(), area);
    }

    String project(String token) {
        String code = "PRJ-" + area + "-" + ThreadLocalRandom.current().nextInt(1000, 10000);
        Http.Response created = http.post("/api/projects", token, Map.of("code", code, "name", "Canal towpath",
                "areaCode", area, "type", "GROUP", "ete", false));
        assertThat(created.status()).as("POST /api/projects %s", created.body()).isEqualTo(201);
        return code;
    }

    /** A session today of 20 hours (two complete a 40-hour order), one supervisor with five places. */
    String session(String token, String project) {
        Http.Response created = http.post("/api/projects/" + project + "/sessions", token, Map.of("date",
                today.toString(), "startTime", "00:00", "endTime", "20:00", "supervisors", 1,
                "placesPerSupervisor", 5));
        assertThat(created.status()).as("POST sessions %s", created.body()).isEqualTo(201);
        return created.field("id");
    }

    String order(String token, String crn) {
        Http.Response created = http.post("/api/orders", token, Map.of("crn", crn, "sentenceDate",
                today.minusDays(10).toString(), "requiredHours", 40, "areaCode", area, "sex", "FEMALE",
                "riskOfSeriousHarm", "LOW", "responsibleOfficerCode", "N53RO7"));
        assertThat(created.status()).as("POST /api/orders %s", created.body()).isEqualTo(201);
        return created.field("id");
    }

    static Map<String, Object> assessment() {
        Map<String, Object> a = new HashMap<>();
        a.put("availableDays", EVERY_DAY);
        a.put("childcareConstraints", "school run until 09:30");
        a.put("shiftPattern", "nights Monday to Wednesday");
        a.put("healthAndSafetyNotes", "no heavy lifting");
        a.put("riskOfHarmConsidered", true);
        a.put("motivationToComply", "HIGH");
        a.put("intensive", false);
        return a;
    }

    String placedOrder(String crn, String project) {
        String orderId = order(coordinator, crn);
        assertThat(http.put("/api/orders/" + orderId + "/assessment", coordinator, assessment()).status())
                .isEqualTo(200);
        assertThat(http.post("/api/orders/" + orderId + "/placement", coordinator, Map.of("projectCode", project))
                .status()).isEqualTo(200);
        return orderId;
    }

    Http.Response book(String token, String session, String orderId) {
        return http.post("/api/sessions/" + session + "/bookings", token, Map.of("orderId", orderId));
    }

    Http.Response attend(String token, String session, String orderId, int minutes) {
        return http.post("/api/sessions/" + session + "/attendance", token,
                Map.of("orderId", orderId, "outcome", "ATTENDED_COMPLIED", "minutesCredited", minutes));
    }

    /**
     * A person whose 40-hour order is worked to completion today on two sessions, after being booked on a third
     * that was stood down (so every place the service keeps them appears); returns the order id.
     */
    Person completedPerson(String crn, String project) {
        String orderId = placedOrder(crn, project);
        String first = session(coordinator, project);
        String second = session(coordinator, project);
        String stoodDown = session(coordinator, project);
        for (String s : List.of(first, second, stoodDown)) {
            assertThat(book(coordinator, s, orderId).status()).isEqualTo(201);
        }
        assertThat(http.post("/api/sessions/" + stoodDown + "/stand-down", coordinator, Map.of("reason", "WEATHER"))
                .status()).isEqualTo(200);
        assertThat(attend(coordinator, first, orderId, 1200).status()).isEqualTo(201);
        Http.Response last = attend(coordinator, second, orderId, 1200);
        assertThat(last.status()).isEqualTo(201);
        assertThat(last.field("orderStatus")).isEqualTo("COMPLETED");
        return new Person(crn, orderId, first, second, stoodDown);
    }

    record Person(String crn, String orderId, String firstSession, String secondSession, String stoodDownSession) {
    }
}
