package uk.probation.gate.resettlement.caseload;

import uk.probation.gate.platform.outbox.Events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.probation.gate.resettlement.domain.AccommodationOnRelease;
import uk.probation.gate.resettlement.domain.CaseStatus;
import uk.probation.gate.resettlement.domain.Deadlines;
import uk.probation.gate.resettlement.domain.Due;
import uk.probation.gate.resettlement.domain.EteOnRelease;
import uk.probation.gate.resettlement.domain.Need;
import uk.probation.gate.resettlement.domain.NeedStatus;
import uk.probation.gate.resettlement.domain.Pathway;
import uk.probation.gate.resettlement.domain.ReviewStatus;
import uk.probation.gate.contracts.reference.RiskOfSeriousHarm;
import uk.probation.gate.contracts.reference.Sex;
import uk.probation.gate.resettlement.domain.WorkingDays;

/** The case's own rules, without Spring, a broker or a store: deadlines, the plan's timeliness, reviews, erasure. */
class ResettlementCaseTest {

    private static final Events events = new Events(tools.jackson.databind.json.JsonMapper.builder().build(),
            java.time.Clock.fixed(java.time.Instant.parse("2026-11-28T09:00:00Z"), java.time.ZoneOffset.UTC));

    /** Five working days to screen, the review window 12 weeks before release, due 8 weeks before, 5 days to record. */
    static final Deadlines DEADLINES = new Deadlines(new WorkingDays(Set.of(LocalDate.parse("2026-12-25"),
            LocalDate.parse("2026-12-28"), LocalDate.parse("2027-01-01"))), 5, 12, 5, 8);
    static final Actor CASEWORKER = new Actor("cw-1", "Casey Worker");
    static final LocalDate MONDAY = LocalDate.parse("2026-11-23");
    static final LocalDate RELEASE = LocalDate.parse("2027-08-23");
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    static ResettlementCase received(LocalDate on) {
        return new ResettlementCase("case-1", new Reception("A1234BC", "X123456", "NMI", on, RELEASE, Sex.MALE,
                RiskOfSeriousHarm.MEDIUM, "N01RO1"), DEADLINES, NOW, CASEWORKER, events);
    }

    @Test
    void aReceptionOpensACaseWhoseScreeningIsDueFiveWorkingDaysLater() {
        ResettlementCase opened = received(LocalDate.parse("2026-11-20")); // a Friday
        assertThat(opened.getStatus()).isEqualTo(CaseStatus.SCREENING_DUE);
        assertThat(opened.isOpen()).isTrue();
        assertThat(opened.getScreeningDueBy()).isEqualTo(LocalDate.parse("2026-11-27"));
        assertThat(opened.getNextDue()).isEqualTo(Due.SCREENING);
        assertThat(opened.getNextDueBy()).isEqualTo(opened.getScreeningDueBy());
        assertThat(opened.getHistory()).singleElement().satisfies(entry -> {
            assertThat(entry.type()).isEqualTo(ResettlementCase.Happened.RECEIVED);
            assertThat(entry.by()).isEqualTo(CASEWORKER);
        });
        // over Christmas the bank holidays do not count
        assertThat(received(LocalDate.parse("2026-12-22")).getScreeningDueBy()).isEqualTo(LocalDate.parse("2026-12-31"));
    }

    @Test
    void theFirstPlanIsOnTimeOnlyByTheScreeningDeadlineAndARevisionKeepsThatVerdict() {
        ResettlementCase onTime = received(MONDAY);
        onTime.saveDraft(List.of(new Need(Pathway.ACCOMMODATION, NeedStatus.SUPPORT_REQUIRED, null)), null, NOW,
                DEADLINES, CASEWORKER);
        assertThat(onTime.getStatus()).isEqualTo(CaseStatus.PLAN_IN_PROGRESS);
        assertThat(onTime.isPlanCompleted()).isFalse();
        ResettlementCase.Plan first = onTime.completePlan(onTime.getScreeningDueBy(), NOW, DEADLINES, CASEWORKER, events);
        assertThat(first.version()).isOne();
        assertThat(first.completedOnTime()).isTrue();
        assertThat(onTime.getStatus()).isEqualTo(CaseStatus.PLAN_COMPLETED);
        assertThat(onTime.getNextDue()).isEqualTo(Due.PRE_RELEASE_REVIEW);

        onTime.saveDraft(List.of(), null, NOW, DEADLINES, CASEWORKER);
        ResettlementCase.Plan revised = onTime.completePlan(MONDAY.plusMonths(2), NOW, DEADLINES, CASEWORKER, events);
        assertThat(revised.version()).isEqualTo(2);
        assertThat(revised.completedOnTime()).as("a revision months later keeps the first plan's verdict").isTrue();

        ResettlementCase late = received(MONDAY);
        late.saveDraft(List.of(), null, NOW, DEADLINES, CASEWORKER);
        assertThat(late.completePlan(late.getScreeningDueBy().plusDays(1), NOW, DEADLINES, CASEWORKER, events)
                .completedOnTime()).isFalse();
    }

    @Test
    void thePreReleaseReviewIsDueTwelveWeeksBeforeReleaseAndOverdueAfterEight() {
        ResettlementCase opened = received(MONDAY);
        assertThat(opened.getPreReleaseReviewFrom()).isEqualTo(RELEASE.minusWeeks(12));
        assertThat(opened.getPreReleaseReviewDueBy()).isEqualTo(RELEASE.minusWeeks(8));
        assertThat(opened.preReleaseReviewStatus(RELEASE.minusWeeks(12).minusDays(1))).isEqualTo(ReviewStatus.NOT_DUE);
        assertThat(opened.preReleaseReviewStatus(RELEASE.minusWeeks(12))).isEqualTo(ReviewStatus.DUE);
        assertThat(opened.preReleaseReviewStatus(RELEASE.minusWeeks(8))).isEqualTo(ReviewStatus.DUE);
        assertThat(opened.preReleaseReviewStatus(RELEASE.minusWeeks(8).plusDays(1))).isEqualTo(ReviewStatus.OVERDUE);

        assertThat(opened.completePreReleaseReview(1, List.of(), RELEASE.minusWeeks(8).plusDays(1), NOW, DEADLINES,
                CASEWORKER, events).completedOnTime()).isFalse();
        assertThat(opened.preReleaseReviewStatus(RELEASE.minusWeeks(8).plusDays(1))).isEqualTo(ReviewStatus.COMPLETED);
    }

    @Test
    void allocatingToTheSameCaseworkerAgainChangesNothingAndDeallocatingNobodyRecordsNothing() {
        ResettlementCase opened = received(MONDAY);
        assertThat(opened.deallocate("left", NOW, CASEWORKER, events)).isNull();
        assertThat(opened.allocate("cw-2", "Sam", NOW, CASEWORKER, events)).isTrue();
        assertThat(opened.allocate("cw-2", "Sam", NOW, CASEWORKER, events)).isFalse();
        assertThat(opened.getAllocatedTo()).isEqualTo("cw-2");
        assertThat(opened.deallocate("left", NOW, CASEWORKER, events)).isEqualTo("cw-2");
        assertThat(opened.getAllocatedTo()).isNull();
        assertThat(opened.getHistory()).extracting(ResettlementCase.HistoryEntry::type).containsExactly(
                ResettlementCase.Happened.RECEIVED, ResettlementCase.Happened.ALLOCATED,
                ResettlementCase.Happened.DEALLOCATED);
    }

    @Test
    void aReleaseClosesTheCaseWithAnOutcomeToRecordAndOnlyAClosedCaseIsErased() {
        ResettlementCase opened = received(MONDAY);
        assertThatThrownBy(() -> opened.erase(RELEASE, events)).isInstanceOf(IllegalStateException.class);

        opened.recordRelease(new ResettlementCase.Release(RELEASE, AccommodationOnRelease.SETTLED,
                EteOnRelease.EMPLOYMENT, false, false, null), DEADLINES, NOW, CASEWORKER, events);
        assertThat(opened.isOpen()).isFalse();
        assertThat(opened.closedOn()).isEqualTo(RELEASE);
        assertThat(opened.getNextDue()).isEqualTo(Due.OUTCOME_TO_RECORD);
        assertThat(opened.getNextDueBy()).isEqualTo(RELEASE.plusDays(5));

        opened.erase(RELEASE.plusYears(7), events);
        assertThat(opened.isErased()).isTrue();
        assertThat(opened.getId()).isEqualTo("case-1");
        assertThat(opened.getPrisonNumber()).isEqualTo("ERASED:case-1");
        assertThat(opened.getCrn()).isNull();
        assertThat(opened.getPrisonCode()).isNull();
        assertThat(opened.getReceivedOn()).isNull();
        assertThat(opened.getResponsibleOfficerCode()).isNull();
        assertThat(opened.getRelease()).isNull();
        assertThat(opened.getHistory()).isEmpty();
        assertThat(opened.getErasedOn()).isEqualTo(RELEASE.plusYears(7));
    }
}
