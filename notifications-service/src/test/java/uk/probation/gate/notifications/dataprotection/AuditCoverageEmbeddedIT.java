package uk.probation.gate.notifications.dataprotection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.probation.gate.notifications.support.InboundEvents;
import uk.probation.gate.platform.test.OnEmbeddedInfrastructure;
import uk.probation.gate.platform.test.AuditCoverage;
import uk.probation.gate.platform.test.Http;
import uk.probation.gate.platform.test.Tokens;

/**
 * Every state-changing operation in the OpenAPI document leaves an audit row naming the caller: the table below must
 * list exactly those operations, so an endpoint added without a scenario here fails the build. Changes an event
 * causes are on the trail too, as the system's, naming the event.
 */
@OnEmbeddedInfrastructure(database = DataProtectionScenarios.DATABASE)
class AuditCoverageEmbeddedIT extends DataProtectionScenarios {

    static final String TESTER = "audit-tester";

    /** Each scenario performs its operation successfully as {@code token} (an ADMIN user called audit-tester). */
    Map<String, Consumer<String>> scenarios() {
        Map<String, Consumer<String>> table = new LinkedHashMap<>();
        table.put("PUT /api/recipients/{code}", token -> {
            String code = InboundEvents.officerCode();
            recipient(token, code, "RESPONSIBLE_OFFICER", "en", null);
            recipient(token, code, "RESPONSIBLE_OFFICER", "cy", "21:00-08:00");
        });
        table.put("PUT /api/templates/{id}", token -> assertThat(http.put(
                "/api/templates/referral.referral.escalated.pl", token,
                Map.of("subject", "Eskalacja: {{referralId}}", "body", "{{needText}}, {{dueBy}}")).status())
                .isEqualTo(200));
        table.put("POST /api/admin/dead-letters/replay", token -> assertThat(http.post(
                "/api/admin/dead-letters/replay", token, Map.of()).status()).isEqualTo(200));
        table.put("POST /api/admin/retention/run", token -> assertThat(http.post(
                "/api/admin/retention/run", token, Map.of()).status()).isEqualTo(200));
        return table;
    }

    @Test
    void everyStateChangingOperationLeavesARowNamingTheCallerAndWhatChanged() {
        Map<String, Consumer<String>> table = scenarios();
        assertThat(table.keySet()).as("one scenario per state-changing operation in /v3/api-docs")
                .containsExactlyInAnyOrderElementsOf(AuditCoverage.stateChangingOperations(http));

        String token = Tokens.forUser(TESTER, "ADMIN", Map.of());
        table.values().forEach(scenario -> scenario.accept(token));

        assertThat(AuditCoverage.operationsBy(http, TESTER)).containsAll(table.keySet());
        List<JsonNode> rows = AuditCoverage.rowsBy(http, TESTER);
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.get("actor").asString()).isEqualTo(TESTER);
            assertThat(row.get("client").asString()).isEqualTo("test-client");
            assertThat(row.get("at").asString()).isNotBlank();
        });
        JsonNode recipientUpdate = rows.stream().filter(r -> "recipients".equals(r.get("entity").asString())
                && "updated".equals(r.get("action").asString())).findFirst().orElseThrow();
        assertThat(strings(recipientUpdate.get("changedFields")))
                .containsExactlyInAnyOrder("language", "quietHours");
        JsonNode recipientCreated = rows.stream().filter(r -> "recipients".equals(r.get("entity").asString())
                && "created".equals(r.get("action").asString())).findFirst().orElseThrow();
        assertThat(strings(recipientCreated.get("changedFields")))
                .containsExactlyInAnyOrder("kind", "email", "language");
        JsonNode template = rows.stream().filter(r -> "templates".equals(r.get("entity").asString())).findFirst()
                .orElseThrow();
        assertThat(template.get("entityId").asString()).isEqualTo("referral.referral.escalated.pl");
        assertThat(strings(template.get("changedFields")))
                .containsExactlyInAnyOrder("subject", "body");
        assertThat(template.get("correlationId").asString()).isNotBlank();

        assertThat(http.get("/api/audit?actor=" + TESTER, viewer).status()).as("the trail is ADMIN's").isEqualTo(403);
    }

    @Test
    void whatAnEventAndTheDeliveryChangeIsTheSystemsNamingTheEvent() {
        String officer = recipient(InboundEvents.officerCode(), "RESPONSIBLE_OFFICER", "en", null);
        String eventId = received(UUID.randomUUID().toString(), InboundEvents.prisonNumber(), InboundEvents.crn(),
                officer);
        awaitEntry(eventId, officer, "SENT");
        String id = eventId + ":" + officer;

        List<JsonNode> rows = await().atMost(Duration.ofSeconds(10)).until(() -> {
            List<JsonNode> found = new java.util.ArrayList<>();
            Http.Response page = http.get("/api/audit?entityId=" + id, admin);
            page.body().get("items").forEach(found::add);
            return found;
        }, found -> found.size() >= 2);
        JsonNode created = rows.stream().filter(r -> "created".equals(r.get("action").asString())).findFirst()
                .orElseThrow();
        assertThat(created.get("actor").asString()).isEqualTo("system");
        assertThat(created.get("entity").asString()).isEqualTo("notifications");
        assertThat(created.get("operation").asString()).isEqualTo("event " + RECEIVED);
        assertThat(created.get("correlationId").asString()).isEqualTo(eventId);
        assertThat(strings(created.get("changedFields")))
                .contains("status", "template", "messageBody");
        JsonNode sent = rows.stream().filter(r -> "updated".equals(r.get("action").asString())).findFirst()
                .orElseThrow();
        assertThat(sent.get("operation").asString()).isEqualTo("delivery");
        assertThat(strings(sent.get("changedFields")))
                .contains("status", "attempts", "sentAt");
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }
}
