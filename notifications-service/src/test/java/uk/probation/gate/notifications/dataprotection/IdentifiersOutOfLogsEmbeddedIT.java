package uk.probation.gate.notifications.dataprotection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.probation.gate.notifications.support.InboundEvents;
import uk.probation.gate.platform.test.OnEmbeddedInfrastructure;
import uk.probation.gate.platform.test.LogCapture;
import uk.probation.gate.platform.test.Tokens;

/**
 * A person's whole journey through this service, with refused and failed requests on the way, leaves neither their
 * prison number nor their CRN in any log line or metric label: logs name the event, the case, order or referral id.
 */
@OnEmbeddedInfrastructure(database = DataProtectionScenarios.DATABASE)
class IdentifiersOutOfLogsEmbeddedIT extends DataProtectionScenarios {

    @Test
    void noLogLineOrMetricNamesThePerson() {
        String prisonNumber = InboundEvents.prisonNumber();
        String crn = InboundEvents.crn();
        String caseId = UUID.randomUUID().toString();
        String orderId = UUID.randomUUID().toString();
        try (LogCapture logs = LogCapture.capture()) {
            String officer = recipient(InboundEvents.officerCode(), "RESPONSIBLE_OFFICER", "en", null);
            String provider = recipient(InboundEvents.providerCode(), "PROVIDER", "en", null);
            // an address that does not spell the CRN, so a line naming it in any case is the service's doing
            assertThat(http.put("/api/recipients/" + crn, admin, Map.of("kind", "PERSON", "email",
                    "person-" + UUID.randomUUID() + "@test.example.org", "language", "pl")).status()).isEqualTo(200);
            // refused and failed requests naming the person
            assertThat(http.get("/api/recipients/" + crn, viewer).status()).isEqualTo(403);
            assertThat(http.get("/api/recipients/" + crn, null).status()).isEqualTo(401);
            assertThat(http.get("/api/recipients/" + prisonNumber, admin).status()).isEqualTo(404);
            assertThat(http.put("/api/recipients/" + crn, admin, Map.of("kind", "PERSON", "email", "not an address",
                    "language", "pl")).status()).isEqualTo(422);
            assertThat(http.get("/api/notifications?recipientCode=" + crn + "&page=10001", viewer).status())
                    .isEqualTo(400);

            String reception = received(caseId, prisonNumber, crn, officer);
            String referral = referralSent(UUID.randomUUID().toString(), caseId, prisonNumber, crn, provider);
            String sentHome = sentHome(orderId, crn, officer);
            // a person with no directory entry: their message fails with a reason
            String stranger = InboundEvents.crn();
            String strangerEvent = sentHome(UUID.randomUUID().toString(), stranger, officer);
            awaitEntry(reception, officer, "SENT");
            awaitEntry(referral, provider, "SENT");
            awaitEntry(sentHome, crn, "SENT");
            await().atMost(Duration.ofSeconds(30)).until(() -> entriesWhere("sourceEventId", strangerEvent) == 2
                    && mongo.findById(strangerEvent + ":" + stranger,
                    uk.probation.gate.notifications.deliverylog.Notification.class).attempts() >= 1);
            // a malformed event about the person goes to the dead-letter topic
            send(uk.probation.gate.contracts.Topics.RESETTLEMENT, RECEIVED, prisonNumber, "not json");
            topics.await("notifications-service.dlt", e -> prisonNumber.equals(e.key()), 1);
            assertThat(http.get("/subject-access-request?prn=" + prisonNumber + "&crn=" + crn,
                    Tokens.forSubjectAccess()).status()).isEqualTo(200);
            caseErased(caseId, prisonNumber, crn);
            orderErased(orderId, crn);
            await().atMost(Duration.ofSeconds(30)).until(() -> entriesWhere("orderId", orderId) == 0
                    && entriesWhere("caseId", caseId) == 0);

            assertThat(logs.lines()).as("the journey was logged").isNotEmpty();
            logs.assertNoLineContains(prisonNumber, crn, stranger);
            logs.assertNoLineContains(prisonNumber.toLowerCase(), crn.toLowerCase());
        }
        assertThat(management.metrics()).doesNotContain(prisonNumber).doesNotContain(crn);
    }
}
