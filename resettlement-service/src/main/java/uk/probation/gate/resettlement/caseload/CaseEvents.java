package uk.probation.gate.resettlement.caseload;

import java.time.LocalDate;
import java.util.List;
import uk.probation.gate.contracts.EventType;
import uk.probation.gate.contracts.resettlement.CaseAllocated;
import uk.probation.gate.contracts.resettlement.CaseDeallocated;
import uk.probation.gate.contracts.resettlement.CaseErased;
import uk.probation.gate.contracts.resettlement.CaseSuperseded;
import uk.probation.gate.contracts.resettlement.CaseUpdated;
import uk.probation.gate.contracts.resettlement.PreReleaseReviewCompleted;
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
                        c.getResponsibleOfficerCode(), c.getScreeningDueBy(), c.isRecall())));
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

    /** The whole current details, so a consumer can overwrite its copy; {@code changedFields} says what changed. */
    public static void updated(ResettlementCase c, List<String> changedFields, Events events) {
        c.registerEvent(events.of(EventType.RESETTLEMENT_CASE_UPDATED, c.getPrisonNumber(),
                new CaseUpdated(c.getId(), c.getPrisonNumber(), c.getCrn(), c.getPrisonCode(), name(c.getSex()),
                        c.getReceivedOn(), c.getExpectedReleaseDate(), name(c.getRiskOfSeriousHarm()),
                        c.getResponsibleOfficerCode(), c.isRecall(), c.getPreReleaseReviewDueBy(),
                        List.copyOf(changedFields))));
    }

    public static void superseded(ResettlementCase c, LocalDate closedOn, Events events) {
        c.registerEvent(events.of(EventType.RESETTLEMENT_CASE_SUPERSEDED, c.getPrisonNumber(),
                new CaseSuperseded(c.getId(), c.getPrisonNumber(), c.getCrn(), c.getPrisonCode(),
                        c.getResponsibleOfficerCode(), c.getSupersededBy(), closedOn)));
    }

    public static void allocated(ResettlementCase c, String previouslyAllocatedTo, Events events) {
        c.registerEvent(events.of(EventType.RESETTLEMENT_CASE_ALLOCATED, c.getPrisonNumber(),
                new CaseAllocated(c.getId(), c.getPrisonNumber(), c.getPrisonCode(), c.getAllocatedTo(),
                        previouslyAllocatedTo)));
    }

    public static void deallocated(ResettlementCase c, String previouslyAllocatedTo, String reason, Events events) {
        c.registerEvent(events.of(EventType.RESETTLEMENT_CASE_DEALLOCATED, c.getPrisonNumber(),
                new CaseDeallocated(c.getId(), c.getPrisonNumber(), c.getPrisonCode(), previouslyAllocatedTo,
                        reason)));
    }

    /** Deallocates the case (release, transfer out, supersede) with its event, if anyone held it. */
    public static void deallocate(ResettlementCase c, String reason, java.time.Instant now, Actor by, Events events) {
        String previous = c.deallocate(reason, now, by);
        if (previous != null) {
            deallocated(c, previous, reason, events);
        }
    }

    public static void reviewCompleted(ResettlementCase c, Events events) {
        ResettlementCase.PreReleaseReview review = c.getPreReleaseReview();
        c.registerEvent(events.of(EventType.RESETTLEMENT_REVIEW_COMPLETED, c.getPrisonNumber(),
                new PreReleaseReviewCompleted(c.getId(), c.getPrisonNumber(), c.getCrn(), c.getPrisonCode(),
                        name(c.getSex()), c.getResponsibleOfficerCode(), c.getExpectedReleaseDate(),
                        c.getPreReleaseReviewDueBy(), review.completedOn(), review.completedOnTime(),
                        review.questionsVersion())));
    }

    /**
     * The closed case's retention ended: registered (before the fields are stripped, so it names the person and the
     * prison) in the same save that turns the case into a tombstone, so every copy elsewhere can be deleted.
     */
    public static void erased(ResettlementCase c, LocalDate erasedOn, Events events) {
        c.registerEvent(events.of(EventType.RESETTLEMENT_CASE_ERASED, c.getPrisonNumber(),
                new CaseErased(c.getId(), c.getPrisonNumber(), c.getCrn(), c.getPrisonCode(), erasedOn)));
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
