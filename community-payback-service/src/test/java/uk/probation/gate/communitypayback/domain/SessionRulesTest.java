package uk.probation.gate.communitypayback.domain;

import uk.probation.gate.contracts.reference.RiskOfSeriousHarm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionRulesTest {

    private static final LocalDate SATURDAY = LocalDate.of(2026, 11, 28);

    @Test
    void capacityIsSupervisorsTimesPlaces() {
        assertThat(SessionCapacity.of(3, 5)).isEqualTo(15);
        assertThat(SessionCapacity.of(0, 5)).isZero();
        assertThatThrownBy(() -> SessionCapacity.of(-1, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SessionCapacity.of(2, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSessionIsAtRiskWhenOverBookedOrWithoutSupervisor() {
        assertThat(SessionCapacity.risks(2, 5, 10)).isEmpty();
        assertThat(SessionCapacity.risks(1, 5, 6)).containsExactly(SessionRisk.OVER_BOOKED);
        assertThat(SessionCapacity.risks(0, 5, 3)).containsExactly(SessionRisk.OVER_BOOKED, SessionRisk.NO_SUPERVISOR);
        assertThat(SessionCapacity.risks(0, 5, 0)).containsExactly(SessionRisk.NO_SUPERVISOR);
    }

    @Test
    void aPersonIsBookedOnlyOnDaysTheyCanWorkAndBeforeTheOrderEnds() {
        Assessment weekends = assessment(List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), true, Motivation.HIGH);
        assertThat(BookingRules.check(weekends, SATURDAY, SATURDAY)).isEmpty();
        assertThat(BookingRules.check(weekends, SATURDAY.plusDays(2), SATURDAY.plusYears(1)))
                .extracting(Problem::field).containsExactly("availableDays");
        assertThat(BookingRules.check(weekends, SATURDAY.plusWeeks(1), SATURDAY))
                .extracting(Problem::field).containsExactly("completeBy");
    }

    @Test
    void placementNeedsAnAssessmentWithRiskConsideredAndKeepsHighRiskInGroups() {
        Assessment assessed = assessment(List.of(DayOfWeek.MONDAY), true, Motivation.NOT_ASSESSED);
        assertThat(PlacementRules.check(null, RiskOfSeriousHarm.LOW, ProjectType.GROUP, false))
                .extracting(Problem::field).containsExactly("assessment");
        assertThat(PlacementRules.check(assessment(List.of(DayOfWeek.MONDAY), false, Motivation.LOW),
                RiskOfSeriousHarm.LOW, ProjectType.GROUP, false))
                .extracting(Problem::field).containsExactly("assessment.riskOfHarmConsidered");
        assertThat(PlacementRules.check(assessed, RiskOfSeriousHarm.VERY_HIGH, ProjectType.GROUP, false)).isEmpty();
        assertThat(PlacementRules.check(assessed, RiskOfSeriousHarm.MEDIUM, ProjectType.INDIVIDUAL, false)).isEmpty();
        assertThat(PlacementRules.check(assessed, RiskOfSeriousHarm.HIGH, ProjectType.INDIVIDUAL, false))
                .extracting(Problem::field).containsExactly("projectCode");
        assertThat(PlacementRules.check(assessed, RiskOfSeriousHarm.VERY_HIGH, ProjectType.INDIVIDUAL, false))
                .extracting(Problem::field).containsExactly("projectCode");
        assertThat(PlacementRules.check(assessed, RiskOfSeriousHarm.HIGH, ProjectType.INDIVIDUAL, true)).isEmpty();
    }

    @Test
    void completionIsPositiveUpToTwelveMonthsFromSentence() {
        UnpaidWorkTerms terms = new UnpaidWorkTerms(30, 12);
        LocalDate sentence = LocalDate.of(2026, 1, 15);
        assertThat(terms.completedInTime(sentence, LocalDate.of(2027, 1, 15))).isTrue();
        assertThat(terms.completedInTime(sentence, LocalDate.of(2027, 1, 16))).isFalse();
    }

    private static Assessment assessment(List<DayOfWeek> days, boolean riskConsidered, Motivation motivation) {
        return new Assessment(days, null, null, null, riskConsidered, motivation, false, SATURDAY);
    }
}
