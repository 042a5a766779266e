package uk.probation.gate.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultOptionsTest {

    @Test
    void defaultsAreTheIssuesShape() {
        FaultOptions options = FaultOptions.parse();

        assertThat(options.rounds()).isEqualTo(100);
        assertThat(options.brokers()).isEqualTo(3);
        assertThat(options.instances()).isEqualTo(2);
        assertThat(options.clients()).isEqualTo(6);
        assertThat(options.reportDir()).isEqualTo(Path.of("benchmarks"));
        assertThat(options.fixedKind(1)).isNull();
        assertThat(options.archiveTraining()).isTrue();
    }

    @Test
    void everyOptionIsRead() {
        FaultOptions options = FaultOptions.parse("--rounds=3", "--brokers=1", "--instances=1", "--clients=2",
                "--seed=7", "--report-dir=/tmp/r", "--faults=service,broker,leader", "--archive-training=false");

        assertThat(options).extracting(FaultOptions::rounds, FaultOptions::brokers, FaultOptions::instances,
                FaultOptions::clients, FaultOptions::seed).containsExactly(3, 1, 1, 2, 7L);
        assertThat(options.faults()).containsExactly(FaultKind.SERVICE, FaultKind.BROKER, FaultKind.LEADER);
        assertThat(List.of(options.fixedKind(1), options.fixedKind(2), options.fixedKind(3), options.fixedKind(4)))
                .containsExactly(FaultKind.SERVICE, FaultKind.BROKER, FaultKind.LEADER, FaultKind.SERVICE);
        assertThat(options.archiveTraining()).isFalse();
        assertThat(options.commandLine()).endsWith(" --archive-training=false");
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> FaultOptions.parse("--rounds=0")).hasMessageContaining("--rounds");
        assertThatThrownBy(() -> FaultOptions.parse("--brokers=2")).hasMessageContaining("1 or 3");
        assertThatThrownBy(() -> FaultOptions.parse("--faults=disk")).hasMessageContaining("unknown fault");
        assertThatThrownBy(() -> FaultOptions.parse("--colour=red")).hasMessageContaining("unknown option");
        assertThatThrownBy(() -> FaultOptions.parse("--archive-training=no")).hasMessageContaining("true or false");
    }
}
