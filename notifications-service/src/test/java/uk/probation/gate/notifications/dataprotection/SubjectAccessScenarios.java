package uk.probation.gate.notifications.dataprotection;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.probation.gate.platform.test.Problems.assertProblem;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.probation.gate.notifications.support.InboundEvents;
import uk.probation.gate.platform.test.Http;
import uk.probation.gate.platform.test.SarCoverage;
import uk.probation.gate.platform.test.Tokens;

/**
 * The HMPPS subject access request: everything this service keeps about a person (the messages about them and to
 * them, with the text while it is kept, what is still queued, their own directory entry), and nothing else.
 */
abstract class SubjectAccessScenarios extends DataProtectionScenarios {

    static final Map<String, String> NOT_IN_THE_REPORT = Map.of(
            "audit_log", "who-did-what records of staff and the service (ids only, never values), kept for ADR 0009",
            "idempotency_keys", "a 24-hour retry cache of API answers",
            "job_leases", "which instance runs a job; no person",
            "retention_runs", "when each retention policy last ran; no person");

    final String sar = Tokens.forSubjectAccess();

    @Test
    void aPersonsReportHoldsTheirMessagesTheirQueuedMessageAndTheirOwnDirectoryEntry() {
        String prisonNumber = InboundEvents.prisonNumber();
        String crn = InboundEvents.crn();
        String caseId = UUID.randomUUID().toString();
        String orderId = UUID.randomUUID().toString();
        String officer = recipient(InboundEvents.officerCode(), "RESPONSIBLE_OFFICER", "cy", null);
        recipient(crn, "PERSON", "pl", quietNow());
        String reception = received(caseId, prisonNumber, crn, officer);
        String sentHome = sentHome(orderId, crn, officer);
        awaitEntry(reception, officer, "SENT");
        awaitEntry(sentHome, officer, "SENT");
        awaitEntry(sentHome, crn, "HELD");

        Http.Response both = http.get("/subject-access-request?prn=" + prisonNumber + "&crn=" + crn, sar);
        assertThat(both.status()).isEqualTo(200);
        JsonNode content = both.body().get("content");
        assertThat(content.properties().stream().map(Map.Entry::getKey).toList())
                .containsExactlyInAnyOrder("notifications", "delivery_queue", "recipients");
        List<JsonNode> messages = list(content.get("notifications"));
        assertThat(messages).hasSize(3);
        JsonNode toOfficer = messages.stream().filter(m -> caseId.equals(text(m, "caseId"))).findFirst().orElseThrow();
        assertThat(text(toOfficer, "recipient")).isEqualTo("their responsible officer (" + officer + ")");
        assertThat(text(toOfficer, "status")).isEqualTo("sent");
        assertThat(text(toOfficer, "language")).isEqualTo("Welsh");
        assertThat(text(toOfficer, "channel")).isEqualTo("e-mail");
        assertThat(text(toOfficer, "about")).contains("received into a resettlement prison");
        assertThat(text(toOfficer, "messageSubject")).isEqualTo("Derbyn: " + prisonNumber + " yn HMP Nottingham");
        assertThat(text(toOfficer, "messageBody")).isNotBlank();
        JsonNode toPerson = messages.stream().filter(m -> "the person themself".equals(text(m, "recipient")))
                .findFirst().orElseThrow();
        assertThat(text(toPerson, "status")).isEqualTo("held until the recipient's quiet hours end");
        assertThat(text(toPerson, "orderId")).isEqualTo(orderId);
        assertThat(text(toPerson, "language")).isEqualTo("Polish");
        assertThat(text(toPerson, "messageSubject")).contains("2026-11-28");
        JsonNode queued = content.get("delivery_queue").get(0);
        assertThat(text(queued, "recipient")).isEqualTo("the person themself");
        assertThat(text(queued, "dueAt")).isNotBlank();
        JsonNode own = content.get("recipients").get(0);
        assertThat(text(own, "code")).isEqualTo(crn);
        assertThat(text(own, "email")).isEqualTo(email(crn));
        assertThat(text(own, "language")).isEqualTo("Polish");
        assertThat(both.body().toString()).doesNotContain(email(officer));

        SarCoverage.assertReportCoversEveryCollection(mongo.getDb(), content, NOT_IN_THE_REPORT, prisonNumber, crn);
        assertThat(SarCoverage.collectionsNaming(mongo.getDb(), prisonNumber, crn))
                .contains("notifications", "delivery_queue", "recipients");

        // both identifier types are held, so 209 cannot happen: each on its own finds what names it
        Http.Response byPrisonNumber = http.get("/subject-access-request?prn=" + prisonNumber, sar);
        assertThat(byPrisonNumber.status()).isEqualTo(200);
        assertThat(list(byPrisonNumber.body().get("content").get("notifications")))
                .extracting(m -> text(m, "caseId")).containsExactly(caseId);
        assertThat(byPrisonNumber.body().get("content").has("recipients")).isFalse();
        Http.Response byCrn = http.get("/subject-access-request?crn=" + crn, sar);
        assertThat(byCrn.status()).isEqualTo(200);
        assertThat(list(byCrn.body().get("content").get("notifications"))).hasSize(3);
        assertThat(byCrn.body().get("content").has("recipients")).isTrue();
    }

    @Test
    void datesNarrowTheReportToWhatWasLoggedThen() {
        String prisonNumber = InboundEvents.prisonNumber();
        String officer = recipient(InboundEvents.officerCode(), "RESPONSIBLE_OFFICER", "en", null);
        awaitEntry(received(UUID.randomUUID().toString(), prisonNumber, InboundEvents.crn(), officer), officer,
                "SENT");
        LocalDate today = clock.instant().atZone(ZoneId.of("Europe/London")).toLocalDate();

        Http.Response that = http.get("/subject-access-request?prn=" + prisonNumber + "&fromDate=" + today
                + "&toDate=" + today, sar);
        assertThat(that.status()).isEqualTo(200);
        assertThat(that.body().get("content").get("notifications")).hasSize(1);
        assertThat(http.get("/subject-access-request?prn=" + prisonNumber + "&toDate=" + today.minusDays(1), sar)
                .status()).isEqualTo(204);
        assertThat(http.get("/subject-access-request?prn=" + prisonNumber + "&fromDate=" + today.plusDays(1), sar)
                .status()).isEqualTo(204);
    }

    @Test
    void nothingHeldIs204AndOnlyTheSubjectAccessRoleMayAsk() {
        assertThat(http.get("/subject-access-request?prn=" + InboundEvents.prisonNumber() + "&crn="
                + InboundEvents.crn(), sar).status()).isEqualTo(204);
        assertThat(http.get("/subject-access-request?crn=" + InboundEvents.crn(), admin).status()).isEqualTo(403);
        assertThat(http.get("/subject-access-request?crn=" + InboundEvents.crn(), null).status()).isEqualTo(401);
        assertProblem(http.get("/subject-access-request?prn=not-a-prison-number", sar), 400, "prn");
        assertProblem(http.get("/subject-access-request", sar), 400, "prn");
    }

    static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new java.util.ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
