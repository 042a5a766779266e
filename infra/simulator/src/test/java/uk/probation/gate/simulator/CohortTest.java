package uk.probation.gate.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CohortTest {

    @Test
    void theSameSeedDrawsTheSameCohortAndAnotherSeedAnother() {
        SimulatorOptions options = SimulatorOptions.defaults();
        assertThat(Cohort.draw(options)).isEqualTo(Cohort.draw(options));
        assertThat(Cohort.draw(options.withSeed(7))).isNotEqualTo(Cohort.draw(options));
    }

    @Test
    void everyResettlementPrisonReceivesPeopleAndTheWomensPrisonWomen() {
        Cohort cohort = Cohort.draw(SimulatorOptions.defaults());
        assertThat(cohort.people()).extracting(Cohort.Person::prisonCode).containsAll(Cohort.PRISONS);
        assertThat(cohort.people()).allSatisfy(p -> assertThat(p.sex())
                .isEqualTo("FHI".equals(p.prisonCode()) ? "FEMALE" : "MALE"));
        assertThat(cohort.people()).extracting(Cohort.Person::prisonNumber).doesNotHaveDuplicates()
                .allMatch(n -> n.matches("[A-Z][0-9]{4}[A-Z]{2}"));
        assertThat(cohort.orders()).extracting(Cohort.Order::crn).allMatch(c -> c.matches("[A-Z][0-9]{6}"));
    }

    @Test
    void aLargeCohortComesCloseToTheInspectionFigures() {
        Cohort cohort = Cohort.draw(SimulatorOptions.defaults().withCounts(5000, 5000, 0));
        Simulator.Expected expected = Simulator.Expected.of(cohort);
        assertThat(expected.homelessShare()).isBetween(0.30, 0.37);
        assertThat(expected.noWorkShare()).isBetween(0.72, 0.78);
        assertThat(expected.sentHomeOrWithdrawnShare()).isBetween(0.27, 0.33);
        assertThat(expected.positiveCompletionRate()).isBetween(0.92, 0.96);
        assertThat(expected.motivationAssessedShare()).isBetween(0.37, 0.43);
    }

    @Test
    void theDefaultCohortShowsTheInspectionFigures() {
        Simulator.Expected expected = Simulator.Expected.of(Cohort.draw(SimulatorOptions.defaults()));
        assertThat(expected.released()).isEqualTo(40);
        assertThat(expected.homelessShare()).isCloseTo(1.0 / 3, org.assertj.core.api.Assertions.within(0.01));
        assertThat(expected.noWorkShare()).isEqualTo(0.75);
        assertThat(expected.sentHomeOrWithdrawnShare()).isEqualTo(0.3);
        assertThat(expected.positiveCompletionRate()).isCloseTo(0.94, org.assertj.core.api.Assertions.within(0.01));
        assertThat(expected.motivationAssessedShare()).isEqualTo(0.4);
        // worse for women
        assertThat(expected.homelessShareBySex().get("FEMALE")).isGreaterThan(expected.homelessShareBySex().get("MALE"));
    }

    @Test
    void theExpectedFiguresCountWhatTheCohortHolds() {
        Cohort cohort = Cohort.draw(SimulatorOptions.defaults().withCounts(16, 4, 2));
        assertThat(cohort.people()).filteredOn(Cohort.Person::dueSoon).hasSize(2)
                .allSatisfy(p -> assertThat(p.needsAccommodation() && !p.released() && !p.viaHmpps()).isTrue());
        Simulator.Expected expected = Simulator.Expected.of(cohort);
        assertThat(expected.released()).isEqualTo(16);
        assertThat(expected.screeningsOverdue()).isEqualTo(2);
        long homeless = cohort.people().stream().filter(Cohort.Person::released)
                .filter(p -> p.accommodation().equals("NO_FIXED_ABODE")).count();
        assertThat(expected.homeless()).isEqualTo((int) homeless);
        assertThat(expected.homelessShare()).isEqualTo(homeless / 16.0);
        assertThat(expected.homelessShareBySex()).containsOnlyKeys("FEMALE", "MALE");
        assertThat(expected.plansOnTime() + expected.plansLate()).isEqualTo(16 + 2);
        assertThat(expected.releasesDueWithoutAccommodation()).isEqualTo(2);
    }
}
