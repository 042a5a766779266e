package uk.probation.gate.communitypayback.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.probation.gate.communitypayback.domain.AttendanceOutcome;
import uk.probation.gate.communitypayback.domain.ProjectType;
import uk.probation.gate.contracts.reference.Sex;
import uk.probation.gate.communitypayback.domain.StandDownReason;
import uk.probation.gate.communitypayback.order.AttendanceClaim;
import uk.probation.gate.communitypayback.project.Project;
import uk.probation.gate.contracts.EventType;
import uk.probation.gate.platform.outbox.Events;
import uk.probation.gate.platform.outbox.OutboxEvent;

/** A stand-down raises its own events (ADR 0016): one work sent home per person freed, in the session's outbox. */
class SessionAggregateTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");

    private final JsonMapper json = JsonMapper.builder().build();
    private final Events events = new Events(json, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aStandDownSendsHomeEveryoneWithoutAnOutcomeEachKeyedByTheirCrn() {
        Session s = new Session("session-1", new Project("PRJ01", "Park clearance", "N01", ProjectType.GROUP, null,
                false, NOW), LocalDate.parse("2026-11-24"), LocalTime.of(9, 0), LocalTime.of(16, 0), 1, 6, NOW);
        s.book(new Booking("order-1", "X111111", "N01RO1", NOW, null, Sex.MALE, null));
        s.book(new Booking("order-2", "X222222", "N01RO2", NOW, null, Sex.FEMALE, null));
        s.book(new Booking("order-3", "X333333", "N01RO3", NOW, null, Sex.MALE, null));
        s.recordOutcome(s.booking("order-3").claimed(new AttendanceClaim(AttendanceOutcome.ACCEPTABLE_ABSENCE, 0,
                NOW, "sam", "Sam Supervisor")));

        List<Booking> freed = s.standDown(StandDownReason.WEATHER, events);

        assertThat(freed).extracting(Booking::orderId).containsExactly("order-1", "order-2");
        assertThat(s.getOutbox()).extracting(OutboxEvent::type).containsOnly(
                EventType.COMMUNITY_PAYBACK_WORK_SENT_HOME.type());
        assertThat(s.getOutbox()).extracting(OutboxEvent::key).containsExactly("X111111", "X222222");
        JsonNode first = json.readTree(s.getOutbox().get(0).payload());
        assertThat(first.get("orderId").asString()).isEqualTo("order-1");
        assertThat(first.get("sessionId").asString()).isEqualTo("session-1");
        assertThat(first.get("sessionDate").asString()).isEqualTo("2026-11-24");
        assertThat(first.get("reason").asString()).isEqualTo("WEATHER");
        assertThat(first.get("responsibleOfficerCode").asString()).isEqualTo("N01RO1");
    }

    @Test
    void aSessionWithNobodyToSendHomeRegistersNothing() {
        Session s = new Session("session-2", new Project("PRJ01", "Park clearance", "N01", ProjectType.GROUP, null,
                false, NOW), LocalDate.parse("2026-11-24"), LocalTime.of(9, 0), LocalTime.of(16, 0), 1, 6, NOW);

        s.standDown(StandDownReason.NO_SUPERVISOR, events);

        assertThat(s.getOutbox()).isEmpty();
    }
}
