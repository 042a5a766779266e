package uk.probation.gate.resettlement.caseload;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.probation.gate.contracts.EventType;
import uk.probation.gate.platform.outbox.Events;
import uk.probation.gate.platform.outbox.OutboxEvent;
import uk.probation.gate.resettlement.domain.Deadlines;
import uk.probation.gate.resettlement.domain.Need;
import uk.probation.gate.resettlement.domain.NeedStatus;
import uk.probation.gate.resettlement.domain.Pathway;
import uk.probation.gate.contracts.reference.RiskOfSeriousHarm;
import uk.probation.gate.contracts.reference.Sex;
import uk.probation.gate.resettlement.domain.WorkingDays;

/** The case raises its own events (ADR 0016): each change registers its event in the case's outbox. No Spring. */
class CaseAggregateTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");
    private static final LocalDate RECEIVED_ON = LocalDate.parse("2026-11-23");
    private static final Actor CASEWORKER = new Actor("jo.bloggs", "Jo Bloggs");

    private final JsonMapper json = JsonMapper.builder().build();
    private final Events events = new Events(json, Clock.fixed(NOW, ZoneOffset.UTC));
    private final Deadlines deadlines = new Deadlines(new WorkingDays(Set.of(LocalDate.parse("2026-12-25"),
            LocalDate.parse("2027-01-01"))), 5, 12, 5);

    private ResettlementCase received() {
        return new ResettlementCase("case-1", new Reception("A1234BC", "X123456", "NMI", RECEIVED_ON,
                LocalDate.parse("2027-06-30"), Sex.MALE, RiskOfSeriousHarm.HIGH, "N01RO1"), deadlines, NOW, CASEWORKER,
                events);
    }

    @Test
    void openingTheCaseRegistersTheReceptionKeyedByThePrisonNumber() {
        ResettlementCase c = received();

        assertThat(c.getOutbox()).hasSize(1);
        OutboxEvent event = c.getOutbox().get(0);
        assertThat(event.type()).isEqualTo(EventType.RESETTLEMENT_PRISONER_RECEIVED.type());
        assertThat(event.topic()).isEqualTo(EventType.RESETTLEMENT_PRISONER_RECEIVED.topic());
        assertThat(event.dataschema()).isEqualTo(EventType.RESETTLEMENT_PRISONER_RECEIVED.dataschema());
        assertThat(event.key()).isEqualTo("A1234BC");
        assertThat(event.subject()).isEqualTo("A1234BC");
        assertThat(event.time()).isEqualTo(NOW);
        JsonNode data = data(event);
        assertThat(data.get("caseId").asString()).isEqualTo("case-1");
        assertThat(data.get("crn").asString()).isEqualTo("X123456");
        assertThat(data.get("prisonCode").asString()).isEqualTo("NMI");
        assertThat(data.get("riskOfSeriousHarm").asString()).isEqualTo("HIGH");
        assertThat(data.get("screeningDueBy").asString()).isEqualTo(c.getScreeningDueBy().toString());
    }

    @Test
    void aTransferOutRegistersTheTransferFromTheCasesPrisonThenTheDeallocation() {
        ResettlementCase c = received();
        c.allocate("jo.bloggs", "Jo Bloggs", NOW, CASEWORKER, events);

        c.transferOut("LEI", LocalDate.parse("2026-11-25"), deadlines, NOW, Actor.HMPPS, events);

        assertThat(c.getOutbox()).extracting(OutboxEvent::type).containsExactly(
                EventType.RESETTLEMENT_PRISONER_RECEIVED.type(), EventType.RESETTLEMENT_CASE_ALLOCATED.type(),
                EventType.RESETTLEMENT_PRISONER_TRANSFERRED.type(), EventType.RESETTLEMENT_CASE_DEALLOCATED.type());
        JsonNode transferred = data(c.getOutbox().get(2));
        assertThat(transferred.get("fromPrisonCode").asString()).isEqualTo("NMI");
        assertThat(transferred.get("toPrisonCode").asString()).isEqualTo("LEI");
        assertThat(transferred.get("transferredOn").asString()).isEqualTo("2026-11-25");
        assertThat(transferred.get("responsibleOfficerCode").asString()).isEqualTo("N01RO1");
        JsonNode deallocated = data(c.getOutbox().get(3));
        assertThat(deallocated.get("previouslyAllocatedTo").asString()).isEqualTo("jo.bloggs");
        assertThat(deallocated.get("reason").asString()).isEqualTo("TRANSFERRED");
    }

    @Test
    void anAllocationNamesTheCaseworkerByIdOnly() {
        ResettlementCase c = received();

        c.allocate("jo.bloggs", "Jo Bloggs", NOW, CASEWORKER, events);
        boolean again = c.allocate("jo.bloggs", "Jo Bloggs", NOW, CASEWORKER, events);

        assertThat(again).isFalse();
        assertThat(c.getOutbox()).hasSize(2);
        OutboxEvent allocated = c.getOutbox().get(1);
        assertThat(data(allocated).get("allocatedTo").asString()).isEqualTo("jo.bloggs");
        assertThat(allocated.payload()).doesNotContain("Jo Bloggs");
    }

    @Test
    void aMoveBetweenResettlementPrisonsIsAnUpdateOfThePrisonCode() {
        ResettlementCase c = received();

        c.moveTo("HMI", LocalDate.parse("2026-11-25"), NOW, Actor.HMPPS, events);

        OutboxEvent updated = c.getOutbox().get(1);
        assertThat(updated.type()).isEqualTo(EventType.RESETTLEMENT_CASE_UPDATED.type());
        assertThat(data(updated).get("prisonCode").asString()).isEqualTo("HMI");
        assertThat(data(updated).get("changedFields").toString()).isEqualTo("[\"prisonCode\"]");
    }

    @Test
    void detailsThatChangeNothingRegisterNothing() {
        ResettlementCase c = received();

        c.updateDetails(new ResettlementCase.Details("X123456", LocalDate.parse("2027-06-30"), Sex.MALE,
                RiskOfSeriousHarm.HIGH, "N01RO1", false), deadlines, NOW, CASEWORKER, events);

        assertThat(c.getOutbox()).hasSize(1);
    }

    @Test
    void completingThePlanPublishesItsNeedsWithoutTheirNotes() {
        ResettlementCase c = received();
        c.saveDraft(List.of(new Need(Pathway.ACCOMMODATION, NeedStatus.SUPPORT_REQUIRED, "sofa surfing at a friend's")),
                "summary", NOW, deadlines, CASEWORKER);

        c.completePlan(RECEIVED_ON.plusDays(2), NOW, deadlines, CASEWORKER, events);

        OutboxEvent completed = c.getOutbox().get(1);
        assertThat(completed.type()).isEqualTo(EventType.RESETTLEMENT_PLAN_COMPLETED.type());
        JsonNode data = data(completed);
        assertThat(data.get("planVersion").asInt()).isEqualTo(1);
        assertThat(data.get("completedOnTime").asBoolean()).isTrue();
        assertThat(data.get("needs").get(0).get("pathway").asString()).isEqualTo("ACCOMMODATION");
        assertThat(completed.payload()).doesNotContain("sofa", "summary");
    }

    @Test
    void erasingRegistersTheErasureNamingThePersonBeforeTheCaseIsStripped() {
        ResettlementCase c = received();
        c.recordRelease(new ResettlementCase.Release(LocalDate.parse("2026-11-26"),
                uk.probation.gate.resettlement.domain.AccommodationOnRelease.UNKNOWN,
                uk.probation.gate.resettlement.domain.EteOnRelease.UNKNOWN, false, false, "RELEASED"), deadlines, NOW,
                Actor.HMPPS, events);

        c.erase(LocalDate.parse("2033-01-02"), events);

        assertThat(c.getOutbox()).extracting(OutboxEvent::type).containsExactly(
                EventType.RESETTLEMENT_PRISONER_RECEIVED.type(), EventType.RESETTLEMENT_PRISONER_RELEASED.type(),
                EventType.RESETTLEMENT_CASE_ERASED.type());
        OutboxEvent erased = c.getOutbox().get(2);
        assertThat(erased.key()).isEqualTo("A1234BC");
        assertThat(data(erased).get("crn").asString()).isEqualTo("X123456");
        assertThat(data(erased).get("prisonCode").asString()).isEqualTo("NMI");
        assertThat(c.getPrisonNumber()).isEqualTo("ERASED:case-1");
        assertThat(c.getCrn()).isNull();
    }

    private JsonNode data(OutboxEvent event) {
        return json.readTree(event.payload());
    }
}
