package uk.probation.gate.resettlement.caseload;

import uk.probation.gate.contracts.EventType;
import uk.probation.gate.contracts.resettlement.PlanCompleted;
import uk.probation.gate.contracts.resettlement.PrisonerReceived;
import uk.probation.gate.contracts.resettlement.PrisonerReleased;
import uk.probation.gate.contracts.resettlement.PrisonerTransferred;
import uk.probation.gate.platform.outbox.Events;

/** The events a case publishes, identifiers and codes only (plan notes and risk summaries stay here). */
public final class CaseEvents {

    private CaseEvents() {
    }

    public static void received(ResettlementCase c, Events events) {
        c.registerEvent(events.of(EventType.RESETTLEMENT_PRISONER_RECEIVED, c.getPrisonNumber(),
                new PrisonerReceived(c.getId(), c.getPrisonNumber(), c.getCrn(), c.getPrisonCode(), c.getReceivedOn(),
                        c.getExpectedReleaseDate(), name(c.getSex()), name(c.getRiskOfSeriousHarm()),
                        c.getResponsibleOfficerCode(), c.getScreeningDueBy(), null)));
    }

    public static void planCompleted(ResettlementCase c, Events events) {
        ResettlementCase.Plan plan = c.getPlan();
        c.registerEvent(events.of(EventType.RESETTLEMENT_PLAN_COMPLETED, c.getPrisonNumber(),
                new PlanCompleted(c.getId(), c.getPrisonNumber(), c.getCrn(), c.getPrisonCode(), name(c.getSex()),
                        name(c.getRiskOfSeriousHarm()), c.getResponsibleOfficerCode(), plan.version(),
                        plan.completedOn(), plan.completedOnTime(), plan.needs().stream()
                                .map(n -> new PlanCompleted.Need(n.pathway().name(), n.status().name())).toList())));
    }

    public static void released(ResettlementCase c, Events events) {
        ResettlementCase.Release release = c.getRelease();
        c.registerEvent(events.of(EventType.RESETTLEMENT_PRISONER_RELEASED, c.getPrisonNumber(),
                new PrisonerReleased(c.getId(), c.getPrisonNumber(), c.getCrn(), c.getPrisonCode(), name(c.getSex()),
                        c.getResponsibleOfficerCode(), release.releasedOn(), release.accommodationOnRelease().name(),
                        release.eteOnRelease().name(), release.metAtGate(), release.outcomeRecorded(),
                        release.reason())));
    }

    public static void transferred(ResettlementCase c, String fromPrisonCode, Events events) {
        c.registerEvent(events.of(EventType.RESETTLEMENT_PRISONER_TRANSFERRED, c.getPrisonNumber(),
                new PrisonerTransferred(c.getId(), c.getPrisonNumber(), c.getCrn(), fromPrisonCode,
                        c.getTransfer().toPrisonCode(), c.getTransfer().transferredOn(),
                        c.getResponsibleOfficerCode())));
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
