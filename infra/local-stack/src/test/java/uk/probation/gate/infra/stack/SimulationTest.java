package uk.probation.gate.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SimulationTest {

    @Test
    void simulateAloneRunsTheDefaultCohortAndItsOptionsAreSplitOnCommas() {
        assertThat(Simulation.simulatorArgs(new String[] {"--reset"})).isNull();
        assertThat(Simulation.simulatorArgs(new String[] {"--reset", "--simulate"})).isEmpty();
        assertThat(Simulation.simulatorArgs(new String[] {"--simulate=--people=80,--seed=7"}))
                .containsExactly("--people=80", "--seed=7");
        assertThat(Simulation.withoutSimulate(new String[] {"--reset", "--simulate=--seed=7"}))
                .containsExactly("--reset");
    }
}
