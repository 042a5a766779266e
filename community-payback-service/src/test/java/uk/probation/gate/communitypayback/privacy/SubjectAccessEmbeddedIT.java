package uk.probation.gate.communitypayback.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.probation.gate.platform.test.Problems.assertProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.probation.gate.platform.test.Http;
import uk.probation.gate.platform.test.Identifiers;
import uk.probation.gate.platform.test.SarCoverage;
import uk.probation.gate.platform.test.Tokens;

/**
 * The HMPPS subject access request: everything Community Payback keeps about a person by CRN (orders with their
 * assessment, placement and attendance; the person's own entries on sessions), 204 for someone it does not know,
 * 209 for a prison number (it holds none), only for SAR_DATA_ACCESS.
 */
class SubjectAccessEmbeddedIT extends DataProtectionScenarios {

    static final Map<String, String> NOT_IN_THE_REPORT = Map.of(
            "audit_log", "who-did-what records of staff: order ids and field names only, never the person's data",
            "idempotency_keys", "a 24-hour retry cache of responses to creating requests, not a record kept",
            "job_leases", "no person: which instance runs a job",
            "retention_runs", "no person: when each retention policy last ran");

    @Test
    void thePersonGetsEveryOrderAndOnlyTheirOwnEntriesOnSessionsSharedWithOthers() {
        String crn = Identifiers.crn();
        String project = project(coordinator);
        Person person = completedPerson(crn, project);
        // a second order of the same person, still live, and someone else booked on the same sessions
        String live = order(coordinator, crn);
        String otherCrn = Identifiers.crn();
        String other = placedOrder(otherCrn, project);
        assertThat(book(coordinator, person.firstSession(), other).status()).isEqualTo(201);

        Http.Response report = http.get("/subject-access-request?crn=" + crn, Tokens.forSubjectAccess());

        assertThat(report.status()).isEqualTo(200);
        JsonNode content = report.body().get("content");
        assertThat(content.propertyNames()).containsExactlyInAnyOrder("orders", "sessions");
        JsonNode orders = content.get("orders");
        assertThat(orders).hasSize(2);
        assertThat(orders).extracting(o -> o.get("orderId").asString()).containsExactlyInAnyOrder(person.orderId(),
                live);
        JsonNode completed = find(orders, "orderId", person.orderId());
        assertThat(completed.get("crn").asString()).isEqualTo(crn);
        assertThat(completed.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(completed.get("statusDescription").asString()).isEqualTo("Completed");
        assertThat(completed.get("requiredMinutes").asInt()).isEqualTo(2400);
        assertThat(completed.get("creditedMinutes").asInt()).isEqualTo(2400);
        assertThat(completed.get("completedOn").asString()).isEqualTo(today.toString());
        assertThat(completed.get("assessment").get("healthAndSafetyNotes").asString()).isEqualTo("no heavy lifting");
        assertThat(completed.get("assessment").get("motivationToComplyDescription").asString()).isEqualTo("High");
        assertThat(completed.get("placement").get("projectCode").asString()).isEqualTo(project);
        assertThat(completed.get("attendances")).hasSize(2);
        assertThat(completed.get("attendances").get(0).get("outcomeDescription").asString())
                .isEqualTo("Attended and complied");
        assertThat(completed.get("attendances").get(0).get("recordedBy").asString())
                .isEqualTo("coordinator-" + area.toLowerCase());
        assertThat(find(orders, "orderId", live).get("status").asString()).isEqualTo("AWAITING_ASSESSMENT");

        JsonNode sessions = content.get("sessions");
        assertThat(sessions).extracting(s -> s.get("sessionId").asString()).containsExactlyInAnyOrder(
                person.firstSession(), person.secondSession(), person.stoodDownSession());
        for (JsonNode s : sessions) {
            assertThat(s.get("bookings")).hasSize(1);
            assertThat(s.get("bookings").get(0).get("orderId").asString()).isEqualTo(person.orderId());
            assertThat(s.get("projectName").asString()).isEqualTo("Canal towpath");
        }
        JsonNode first = find(sessions, "sessionId", person.firstSession()).get("bookings").get(0);
        assertThat(first.get("outcome").asString()).isEqualTo("ATTENDED_COMPLIED");
        JsonNode withdrawn = find(sessions, "sessionId", person.stoodDownSession()).get("bookings").get(0);
        assertThat(withdrawn.get("booking").asString()).contains("stood down");
        assertThat(withdrawn.get("standDownReason").asString()).isEqualTo("Weather");
        // the other person booked on the same session is not in this person's report
        assertThat(content.toString()).doesNotContain(otherCrn).doesNotContain(other);

        SarCoverage.assertReportCoversEveryCollection(mongo.getDb(), content, NOT_IN_THE_REPORT, crn,
                person.orderId(), live);
    }

    @Test
    void datesLimitTheReportToWhatHappenedInThem() {
        String crn = Identifiers.crn();
        completedPerson(crn, project(coordinator));

        assertThat(sar("crn=" + crn + "&fromDate=" + today + "&toDate=" + today).status()).isEqualTo(200);
        // everything happened today: nothing before it, nothing after it
        assertThat(sar("crn=" + crn + "&toDate=" + today.minusDays(1)).status()).isEqualTo(204);
        assertThat(sar("crn=" + crn + "&fromDate=" + today.plusDays(1)).status()).isEqualTo(204);
        assertProblem(sar("crn=" + crn + "&fromDate=" + today + "&toDate=" + today.minusDays(1)), 400, "toDate");
    }

    @Test
    void anUnknownPersonIs204APrisonNumberAlone209AndAPrisonNumberWithACrnIsAnsweredForTheCrn() {
        String crn = Identifiers.crn();
        String orderId = order(coordinator, crn);

        assertThat(sar("crn=" + Identifiers.crn()).status()).isEqualTo(204);
        assertThat(sar("prn=" + Identifiers.prisonNumber()).status()).isEqualTo(209);
        Http.Response both = sar("prn=" + Identifiers.prisonNumber() + "&crn=" + crn);
        assertThat(both.status()).isEqualTo(200);
        assertThat(both.body().get("content").get("orders").get(0).get("orderId").asString()).isEqualTo(orderId);
        assertThat(sar("crn=" + crn.toLowerCase()).status()).isEqualTo(200);

        assertProblem(sar("crn=12345"), 400, "crn");
        assertProblem(sar(""), 400, "prn");
    }

    @Test
    void onlyTheSubjectAccessRoleMayAsk() {
        String crn = Identifiers.crn();
        order(coordinator, crn);

        assertThat(http.get("/subject-access-request?crn=" + crn, coordinator).status()).isEqualTo(403);
        assertThat(http.get("/subject-access-request?crn=" + crn, Tokens.forRole("ADMIN")).status()).isEqualTo(403);
        assertThat(http.get("/subject-access-request?crn=" + crn, null).status()).isEqualTo(401);
        assertThat(http.get("/subject-access-request?crn=" + crn,
                Tokens.forAudience("SAR_DATA_ACCESS", "referral-service")).status()).isEqualTo(401);
    }

    Http.Response sar(String query) {
        return http.get("/subject-access-request?" + query, Tokens.forSubjectAccess());
    }

    static JsonNode find(JsonNode array, String field, String value) {
        List<JsonNode> found = new ArrayList<>();
        array.forEach(n -> {
            if (value.equals(n.get(field).asString())) {
                found.add(n);
            }
        });
        assertThat(found).as("%s=%s in %s", field, value, array).hasSize(1);
        return found.get(0);
    }
}
