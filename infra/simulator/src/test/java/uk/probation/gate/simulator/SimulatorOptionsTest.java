package uk.probation.gate.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

class SimulatorOptionsTest {

    @Test
    void defaultsReproduceTheInspectionFigures() {
        SimulatorOptions options = SimulatorOptions.parse();
        assertThat(options.homelessShare()).isEqualTo(1.0 / 3);
        assertThat(options.noWorkShare()).isEqualTo(0.75);
        assertThat(options.sentHomeShare()).isEqualTo(0.3);
        assertThat(options.positiveCompletionShare()).isEqualTo(0.94);
        assertThat(options.motivationAssessedShare()).isEqualTo(0.4);
        assertThat(options.resettlementUrl()).isEqualTo("http://127.0.0.1:8081");
        assertThat(options.kafkaBootstrapServers()).isEqualTo("127.0.0.1:9092");
    }

    @Test
    void argumentsOverrideTheDefaults() {
        SimulatorOptions options = SimulatorOptions.parse("--people=12", "--orders=0", "--seed=9",
                "--homeless-share=0.5", "--referral-url=http://127.0.0.1:18083/");
        assertThat(options.people()).isEqualTo(12);
        assertThat(options.orders()).isZero();
        assertThat(options.seed()).isEqualTo(9);
        assertThat(options.homelessShare()).isEqualTo(0.5);
        assertThat(options.referralUrl()).isEqualTo("http://127.0.0.1:18083");
    }

    @Test
    void outOfRangeValuesAreRefusedNamingEachOne() {
        assertThatThrownBy(() -> SimulatorOptions.parse("--homeless-share=1.2", "--people=-3", "--orders=x",
                "--colour=red"))
                .isInstanceOfSatisfying(SimulatorOptions.InvalidOptionsException.class, e -> assertThat(e.problems())
                        .containsExactly("--orders must be a whole number (was x)",
                                "--people must not be negative (was -3)",
                                "--homeless-share is a share between 0 and 1 (was 1.2)",
                                "unknown option --colour"));
        assertThatThrownBy(() -> SimulatorOptions.parse("people=3"))
                .hasMessageContaining("argument people=3 is not --name=value");
    }

    @Test
    void badOptionsStopTheRunBeforeAnythingIsSent() {
        // nothing listens on port 1: a run that got as far as sending would fail differently
        SimulatorOptions bad = SimulatorOptions.defaults().withCounts(-1, 5, 0)
                .withEndpoints("http://127.0.0.1:1", "http://127.0.0.1:1", "http://127.0.0.1:1",
                        "http://127.0.0.1:1", "http://127.0.0.1:1", "127.0.0.1:1", java.nio.file.Path.of("x.json"));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        assertThatThrownBy(() -> Simulator.run(bad, new PrintStream(printed)))
                .isInstanceOf(SimulatorOptions.InvalidOptionsException.class)
                .hasMessageContaining("--people must not be negative (was -1)");
        assertThat(printed.toString()).isEmpty();
    }
}
