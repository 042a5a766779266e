package uk.probation.gate.infra.stack.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import uk.probation.gate.infra.stack.StackComponent;
import uk.probation.gate.platform.test.Http;
import uk.probation.gate.platform.test.Identifiers;

/**
 * Unpaid work data a journey needs but does not itself create, made through community-payback-service's API with
 * the dev clients' tokens (never through the pages under test).
 */
final class UnpaidWorkSetup {

    static final List<String> EVERY_DAY = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY",
            "SATURDAY", "SUNDAY");

    private final Http payback;
    private final String coordinator;

    UnpaidWorkSetup() {
        this.payback = BrowserTest.api(StackComponent.COMMUNITY_PAYBACK);
        this.coordinator = BrowserTest.token("coordinator");
    }

    static String unique(String prefix) {
        return prefix + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
    }

    /** A new order in the area; its id. */
    String order(String crn, String areaCode) {
        Http.Response r = payback.post("/api/orders", coordinator, Map.of("crn", crn, "sentenceDate",
                LocalDate.now().toString(), "requiredHours", 40, "areaCode", areaCode, "sex", "MALE",
                "riskOfSeriousHarm", "LOW"));
        assertThat(r.status()).as("order set up: %s", r.body()).isEqualTo(201);
        return r.field("id");
    }

    /** An order assessed (available every day) and placed on the project; its id. */
    String placedOrder(String crn, String areaCode, String projectCode) {
        String id = order(crn, areaCode);
        Http.Response assessed = payback.put("/api/orders/" + id + "/assessment", coordinator, Map.of(
                "availableDays", EVERY_DAY, "riskOfHarmConsidered", true, "motivationToComply", "HIGH",
                "intensive", false));
        assertThat(assessed.status()).as("assessment set up: %s", assessed.body()).isEqualTo(200);
        Http.Response placed = payback.post("/api/orders/" + id + "/placement", coordinator,
                Map.of("projectCode", projectCode));
        assertThat(placed.status()).as("placement set up: %s", placed.body()).isEqualTo(200);
        return id;
    }

    void project(String code, String name, String areaCode) {
        Http.Response r = payback.post("/api/projects", coordinator, Map.of("code", code, "name", name,
                "areaCode", areaCode, "type", "GROUP", "ete", false));
        assertThat(r.status()).as("project set up: %s", r.body()).isEqualTo(201);
    }

    /** A session of the project; its id. */
    String session(String projectCode, LocalDate date, String start, String end, int supervisors, int places) {
        Http.Response r = payback.post("/api/projects/" + projectCode + "/sessions", coordinator, Map.of(
                "date", date.toString(), "startTime", start, "endTime", end, "supervisors", supervisors,
                "placesPerSupervisor", places));
        assertThat(r.status()).as("session set up: %s", r.body()).isEqualTo(201);
        return r.field("id");
    }

    void book(String sessionId, String orderId) {
        Http.Response r = payback.post("/api/sessions/" + sessionId + "/bookings", coordinator,
                Map.of("orderId", orderId));
        assertThat(r.status()).as("booking set up: %s", r.body()).isEqualTo(201);
    }

    /** Another supervisor records an outcome at the same time (the dev client {@code supervisor}). */
    int recordElsewhere(String sessionId, String orderId, String outcome, int minutes) {
        return payback.post("/api/sessions/" + sessionId + "/attendance", BrowserTest.token("supervisor"),
                Map.of("orderId", orderId, "outcome", outcome, "minutesCredited", minutes)).status();
    }

    long ordersIn(String areaCode) {
        return payback.get("/api/orders?areaCode=" + areaCode + "&size=1", coordinator).body().get("total").asLong();
    }

    static String crn() {
        return Identifiers.crn();
    }
}
