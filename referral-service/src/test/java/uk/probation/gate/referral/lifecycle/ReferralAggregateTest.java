package uk.probation.gate.referral.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.probation.gate.contracts.EventType;
import uk.probation.gate.platform.outbox.Events;
import uk.probation.gate.platform.outbox.OutboxEvent;
import uk.probation.gate.referral.domain.Need;
import uk.probation.gate.referral.domain.Outcome;
import uk.probation.gate.referral.domain.ReferralStatus;
import uk.probation.gate.contracts.reference.RiskOfSeriousHarm;
import uk.probation.gate.referral.domain.RoutingRule;
import uk.probation.gate.contracts.reference.Sex;
import uk.probation.gate.referral.domain.Stage;

/** The referral raises its own events (ADR 0016): each step registers its event in the outbox. No Spring. */
class ReferralAggregateTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-11-23");
    private static final RoutingRule HOUSING = new RoutingRule(Need.ACCOMMODATION, null, null, null, null, "PRV01",
            1, 5, 7, 30);

    private final JsonMapper json = JsonMapper.builder().build();
    private final Events events = new Events(json, Clock.fixed(NOW, ZoneOffset.UTC));

    private Referral created() {
        return new Referral("ref-1", "A1234BC", "X123456", Need.ACCOMMODATION, Referral.Source.PLAN, "case-1", "NMI",
                null, Sex.MALE, RiskOfSeriousHarm.MEDIUM, "N01RO1", List.of("A home"), NOW, "system", events);
    }

    private Referral sent() {
        Referral r = created();
        r.sentTo(HOUSING, TODAY.plusDays(5), 7, 30, NOW, events);
        return r;
    }

    @Test
    void aNewReferralRegistersItsCreationKeyedByThePerson() {
        Referral r = created();

        assertThat(r.getOutbox()).hasSize(1);
        OutboxEvent event = r.getOutbox().get(0);
        assertThat(event.type()).isEqualTo(EventType.REFERRAL_CREATED.type());
        assertThat(event.dataschema()).isEqualTo(EventType.REFERRAL_CREATED.dataschema());
        assertThat(event.key()).isEqualTo("A1234BC");
        JsonNode data = data(event);
        assertThat(data.get("referralId").asString()).isEqualTo("ref-1");
        assertThat(data.get("personReference").get("crn").asString()).isEqualTo("X123456");
        assertThat(data.get("need").asString()).isEqualTo("ACCOMMODATION");
        assertThat(event.payload()).as("desired outcomes are free text: they stay here").doesNotContain("A home");
    }

    @Test
    void acceptingRegistersTheAcceptanceWithTheDayToStartBy() {
        Referral r = sent();

        r.accepted(NOW, "provider-user", TODAY, 14, events);

        assertThat(r.getOutbox()).extracting(OutboxEvent::type).containsExactly(EventType.REFERRAL_CREATED.type(),
                EventType.REFERRAL_SENT.type(), EventType.REFERRAL_ACCEPTED.type());
        JsonNode accepted = data(r.getOutbox().get(2));
        assertThat(accepted.get("providerCode").asString()).isEqualTo("PRV01");
        assertThat(accepted.get("startBy").asString()).as("the rule's 7 days, not the default")
                .isEqualTo("2026-11-30");
        assertThat(r.getOutbox().get(2).payload()).doesNotContain("provider-user");
    }

    @Test
    void theLastProviderLettingGoDeclinesAndLeavesItUnroutableWithoutAClosedEvent() {
        Referral r = sent();

        r.letGo("NO_CAPACITY", NOW, "provider-user", true, events);

        assertThat(r.getStatus()).isEqualTo(ReferralStatus.UNROUTABLE);
        assertThat(r.getProviderCode()).isNull();
        assertThat(r.getOutbox()).extracting(OutboxEvent::type).containsExactly(EventType.REFERRAL_CREATED.type(),
                EventType.REFERRAL_SENT.type(), EventType.REFERRAL_DECLINED.type());
        JsonNode declined = data(r.getOutbox().get(2));
        assertThat(declined.get("providerCode").asString()).isEqualTo("PRV01");
        assertThat(declined.get("reason").asString()).isEqualTo("NO_CAPACITY");
        assertThat(declined.get("unroutable").asBoolean()).isTrue();
    }

    @Test
    void aNewReferralNoRuleMatchesClosesAsUnroutable() {
        Referral r = created();

        r.unroutable(NOW, events);

        OutboxEvent closed = r.getOutbox().get(1);
        assertThat(closed.type()).isEqualTo(EventType.REFERRAL_CLOSED.type());
        assertThat(data(closed).get("reason").asString()).isEqualTo("UNROUTABLE");
        assertThat(data(closed).has("providerCode")).isFalse();
    }

    @Test
    void anEscalationNamesTheStageAndItsDay() {
        Referral r = sent();

        r.escalate(Stage.RESPONSE, TODAY.plusDays(5), NOW, events);

        OutboxEvent escalated = r.getOutbox().get(2);
        assertThat(escalated.type()).isEqualTo(EventType.REFERRAL_ESCALATED.type());
        assertThat(data(escalated).get("stage").asString()).isEqualTo("RESPONSE");
        assertThat(data(escalated).get("dueBy").asString()).isEqualTo("2026-11-28");
    }

    @Test
    void closingAfterTheOutcomeSaysWhetherThereWasAReport() {
        Referral r = sent();
        r.accepted(NOW, "provider-user", TODAY, 14, events);
        r.started(NOW, "provider-user", TODAY, 30, events);
        r.outcomeRecorded(Outcome.SETTLED_ACCOMMODATION_SECURED, NOW, "provider-user", events);
        r.reported(new Referral.EndOfServiceReport(List.of(), "moved in", "provider-user", NOW));

        r.closed("OUTCOME_RECORDED", NOW, "provider-user", events);

        assertThat(r.getOutbox()).extracting(OutboxEvent::type).containsExactly(EventType.REFERRAL_CREATED.type(),
                EventType.REFERRAL_SENT.type(), EventType.REFERRAL_ACCEPTED.type(), EventType.REFERRAL_STARTED.type(),
                EventType.REFERRAL_OUTCOME_RECORDED.type(), EventType.REFERRAL_CLOSED.type());
        JsonNode closed = data(r.getOutbox().get(5));
        assertThat(closed.get("outcome").asString()).isEqualTo("SETTLED_ACCOMMODATION_SECURED");
        assertThat(closed.get("endOfServiceReport").asBoolean()).isTrue();
        assertThat(r.getOutbox().get(5).payload()).doesNotContain("moved in");
    }

    @Test
    void erasingRegistersTheLastEventNamingThePersonBeforeStrippingIt() {
        Referral r = sent();

        r.erased(TODAY, events);

        OutboxEvent erased = r.getOutbox().get(2);
        assertThat(erased.type()).isEqualTo(EventType.REFERRAL_ERASED.type());
        assertThat(erased.key()).isEqualTo("A1234BC");
        assertThat(data(erased).get("personReference").get("prisonNumber").asString()).isEqualTo("A1234BC");
        assertThat(r.getPrisonNumber()).isNull();
        assertThat(r.isErased()).isTrue();
    }

    private JsonNode data(OutboxEvent event) {
        return json.readTree(event.payload());
    }
}
