package uk.probation.gate.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadinessTest {

    @Test
    void aReadyLineFromAnEarlierRunInTheAppendedLogDoesNotCount(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("local-kafka.log");
        Files.writeString(log, "starting\nKAFKA READY 127.0.0.1:9092\nkilled\n");
        long restartedAt = Files.size(log);
        Readiness readiness = Readiness.logLine("KAFKA READY");

        assertThat(readiness.isReady(log, 0)).isTrue();
        assertThat(readiness.isReady(log, restartedAt)).isFalse();

        Files.writeString(log, "starting again\n", StandardOpenOption.APPEND);
        assertThat(readiness.isReady(log, restartedAt)).isFalse();
        Files.writeString(log, "KAFKA READY 127.0.0.1:9092\n", StandardOpenOption.APPEND);
        assertThat(readiness.isReady(log, restartedAt)).isTrue();
        assertThat(readiness.isReady(dir.resolve("no-such.log"), 0)).isFalse();
    }
}
