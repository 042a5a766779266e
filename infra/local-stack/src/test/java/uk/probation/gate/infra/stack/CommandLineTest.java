package uk.probation.gate.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void noOptionsMeansEverythingOnTheDocumentedPorts() {
        StackOptions options = CommandLine.parse();

        assertThat(options.components()).containsExactly(StackComponent.values());
        assertThat(options.randomPorts()).isFalse();
        assertThat(options.reset()).isFalse();
        assertThat(options.startupTimeout()).isEqualTo(Duration.ofSeconds(180));
        assertThat(options.brokers()).isEqualTo(1);
        assertThat(options.instances()).isEqualTo(1);
        assertThat(options.supervision()).isTrue();
        assertThat(options.maxRestarts()).isEqualTo(5);
        assertThat(options.restartWindow()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void readsTheClusterAndSupervisionOptions() {
        StackOptions options = CommandLine.parse("--brokers=3", "--instances=2", "--no-supervise", "--max-restarts=9",
                "--restart-window=PT30S");

        assertThat(options.brokers()).isEqualTo(3);
        assertThat(options.instances()).isEqualTo(2);
        assertThat(options.instancesOf(StackComponent.KAFKA)).isEqualTo(3);
        assertThat(options.instancesOf(StackComponent.REFERRAL)).isEqualTo(2);
        assertThat(options.instancesOf(StackComponent.WEB)).isEqualTo(1);
        assertThat(options.supervision()).isFalse();
        assertThat(options.maxRestarts()).isEqualTo(9);
        assertThat(options.restartWindow()).isEqualTo(Duration.ofSeconds(30));
        assertThatThrownBy(() -> CommandLine.parse("--brokers=2")).hasMessageContaining("1 or 3");
        assertThatThrownBy(() -> CommandLine.parse("--instances=0")).hasMessageContaining("instances");
    }

    @Test
    void readsEveryOption() {
        StackOptions options = CommandLine.parse("--reset", "--data-dir=/tmp/stack", "--project-root=/tmp/checkout",
                "--only=kafka,mongo,auth", "--timeout=30", "--arg=referral:--debug", "--arg=services:--x=1",
                "--jvm=kafka:-Xmx512m");

        assertThat(options.reset()).isTrue();
        assertThat(options.dataDir()).contains(Path.of("/tmp/stack"));
        assertThat(options.projectRoot()).contains(Path.of("/tmp/checkout"));
        assertThat(options.components()).containsExactly(StackComponent.KAFKA, StackComponent.MONGO, StackComponent.AUTH);
        assertThat(options.startupTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.argsFor(StackComponent.REFERRAL)).containsExactly("--x=1", "--debug");
        assertThat(options.argsFor(StackComponent.NOTIFICATIONS)).containsExactly("--x=1");
        assertThat(options.argsFor(StackComponent.KAFKA)).isEmpty();
        assertThat(options.jvmOptionsFor(StackComponent.KAFKA)).containsExactly("-Xmx512m");
    }

    @Test
    void rejectsWhatItDoesNotKnow() {
        assertThatThrownBy(() -> CommandLine.parse("--only=kafka,zookeeper")).hasMessageContaining("zookeeper");
        assertThatThrownBy(() -> CommandLine.parse("--verbose")).hasMessageContaining("--verbose");
    }
}
