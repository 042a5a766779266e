package uk.probation.gate.infra.stack.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static uk.probation.gate.infra.stack.StackComponent.COMMUNITY_PAYBACK;
import static uk.probation.gate.infra.stack.StackComponent.NOTIFICATIONS;
import static uk.probation.gate.infra.stack.StackComponent.REFERRAL;
import static uk.probation.gate.infra.stack.StackComponent.RESETTLEMENT;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.probation.gate.infra.stack.RunningStack;
import uk.probation.gate.infra.stack.StackComponent;
import uk.probation.gate.infra.stack.browser.SharedStack;
import uk.probation.gate.platform.test.Http;
import uk.probation.gate.platform.test.Identifiers;

/**
 * One reception followed by its trace id through the JSON logs: the caller's W3C traceparent goes into
 * resettlement-service's request, the outbox, the Kafka record, referral-service's and notifications-service's
 * handling, and the e-mail to the officer. community-payback-service takes no part in a reception, so an unpaid
 * work order is followed the same way into notifications-service.
 */
class FollowOneReceptionIT {

    private static RunningStack stack;

    @BeforeAll
    static void start() {
        stack = SharedStack.get();
    }

    @Test
    void aReceptionIsFollowedByItsTraceIdFromTheCallerToTheEmail() {
        String admin = stack.accessToken("admin");
        assertThat(http(NOTIFICATIONS).put("/api/recipients/N01TRC", admin, Map.of("kind", "RESPONSIBLE_OFFICER",
                "email", "n01trc@probation.example", "language", "en")).status()).isEqualTo(200);
        String traceId = hex(16);
        String prisonNumber = Identifiers.prisonNumber();

        Http.Response opened = http(RESETTLEMENT).post("/api/cases", stack.accessToken("caseworker"), Map.of(
                "prisonNumber", prisonNumber, "prisonCode", "NMI", "receivedOn", LocalDate.now().toString(),
                "expectedReleaseDate", LocalDate.now().plusMonths(6).toString(), "sex", "MALE",
                "riskOfSeriousHarm", "MEDIUM", "responsibleOfficerCode", "N01TRC"),
                Map.of("traceparent", "00-" + traceId + "-" + hex(8) + "-01"));

        assertThat(opened.status()).isEqualTo(201);
        assertThat(opened.headers().firstValue("X-Trace-Id")).contains(traceId);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(messages(RESETTLEMENT, traceId)).anyMatch(m -> m.startsWith("POST /api/cases 201"));
            assertThat(messages(REFERRAL, traceId)).anyMatch(m -> m.startsWith("Consumed resettlement.prisoner.received"));
            assertThat(messages(NOTIFICATIONS, traceId))
                    .anyMatch(m -> m.startsWith("Consumed resettlement.prisoner.received"))
                    .anyMatch(m -> m.startsWith("Notification ") && m.contains(" sent by "));
        });
        // the trace names no person: identifiers of records and events only
        for (StackComponent service : List.of(RESETTLEMENT, REFERRAL, NOTIFICATIONS)) {
            assertThat(messages(service, traceId)).noneMatch(m -> m.contains(prisonNumber));
        }
    }

    @Test
    void anUnpaidWorkOrderIsFollowedFromCommunityPaybackIntoNotifications() {
        String traceId = hex(16);
        Http.Response order = http(COMMUNITY_PAYBACK).post("/api/orders", stack.accessToken("coordinator"), Map.of(
                "crn", Identifiers.crn(), "sentenceDate", LocalDate.now().toString(), "requiredHours", 120,
                "areaCode", "N53LEI", "sex", "FEMALE", "riskOfSeriousHarm", "LOW"),
                Map.of("traceparent", "00-" + traceId + "-" + hex(8) + "-01"));

        assertThat(order.status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(messages(COMMUNITY_PAYBACK, traceId)).anyMatch(m -> m.startsWith("POST /api/orders 201"));
            assertThat(messages(NOTIFICATIONS, traceId))
                    .anyMatch(m -> m.startsWith("Consumed community-payback.order.received"));
        });
    }

    private static List<String> messages(StackComponent service, String traceId) {
        return JsonLogs.withTrace(stack.logFile(service), traceId).stream().map(JsonLogs.Line::message).toList();
    }

    private static Http http(StackComponent service) {
        return new Http(stack.baseUrl(service).toString().replaceAll("/$", ""));
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
