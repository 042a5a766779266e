package uk.probation.gate.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.probation.gate.infra.stack.StackComponent.MAIL;
import static uk.probation.gate.infra.stack.StackComponent.MONGO;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The supervisor: a child killed with SIGKILL comes back on its port with its data and the console says so; one that
 * cannot start again is a crash loop that stops the whole stack; with supervision off it stays down. The Mongo wire
 * server and the mail server are the cheapest children, and a crash is the same to the supervisor whatever crashed.
 */
class SupervisionIT {

    @Test
    void aKilledChildIsRestartedOnItsPortWithItsDataAndTheConsoleSaysSo() {
        try (RunningStack stack = LocalStack.start(StackOptions.defaults().withRandomPorts().withTemporaryDataDir()
                .only(MONGO))) {
            try (MongoClient client = RealClients.mongo(stack)) {
                RealClients.collection(client).insertOne(new Document("_id", "before-the-crash"));
            }
            // the wire server's H2 store commits to its file once a second: what a SIGKILL finds on disk
            pause(Duration.ofMillis(2500));
            ProcessHandle first = stack.process(MONGO, 0);
            int port = stack.port(MONGO);

            stack.kill(MONGO, 0);
            stack.awaitReady(MONGO, 0, Duration.ofSeconds(60));

            ProcessHandle second = stack.process(MONGO, 0);
            assertThat(first.isAlive()).isFalse();
            assertThat(second.pid()).isNotEqualTo(first.pid());
            assertThat(second.isAlive()).isTrue();
            assertThat(stack.restarts(MONGO, 0)).isEqualTo(1);
            assertThat(stack.port(MONGO)).isEqualTo(port);
            assertThat(stack.isClosed()).isFalse();
            assertThat(stack.consoleLines())
                    .contains("local-mongo exited unexpectedly (exit code 137), restarting in 1s (restart 1)")
                    .anyMatch(line -> line.startsWith("local-mongo restarted, ready after ") && line.endsWith("(restart 1)"));
            // the new run appended to the same log: readiness looked at its own READY line, not the first run's
            assertThat(readyLines(stack.logFile(MONGO, 0))).isEqualTo(2);
            try (MongoClient client = RealClients.mongo(stack)) {
                assertThat(RealClients.collection(client).find(new Document("_id", "before-the-crash")).first()).isNotNull();
            }
        }
    }

    /**
     * A rebuilt jar that cannot run (a broken build) makes every restart exit at once: after the allowed restarts the
     * stack says why and stops everything, the mail server too, instead of restarting for ever.
     */
    @Test
    void aChildThatCannotStartAgainIsACrashLoopThatStopsTheWholeStack(@TempDir Path checkout) throws Exception {
        Path projectRoot = Path.of("").toAbsolutePath().getParent().getParent();
        Path mongoJar = copyJar(projectRoot, checkout, MONGO);
        copyJar(projectRoot, checkout, MAIL);
        RunningStack stack = LocalStack.start(StackOptions.defaults().withRandomPorts().withTemporaryDataDir()
                .withProjectRoot(checkout).only(MONGO, MAIL).withCrashLoop(2, Duration.ofMinutes(1)));
        try {
            ProcessHandle mail = stack.process(MAIL, 0);
            Files.writeString(mongoJar, "not a jar: the build broke");

            stack.kill(MONGO, 0);
            Optional<String> why = CompletableFuture.supplyAsync(stack::awaitStopped).get(60, TimeUnit.SECONDS);

            assertThat(why).hasValueSatisfying(reason -> assertThat(reason)
                    .contains("local-mongo exited unexpectedly", "after 2 restarts within PT1M", "a crash loop"));
            assertThat(stack.restarts(MONGO, 0)).isEqualTo(2);
            assertThat(stack.consoleLines()).contains(
                    "local-mongo exited unexpectedly (exit code 137), restarting in 1s (restart 1)",
                    "local-mongo exited unexpectedly (exit code 1), restarting in 2s (restart 2)");
            assertThat(stack.isClosed()).isTrue();
            assertThat(mail.isAlive()).isFalse();
            assertThat(stack.process(MONGO, 0).isAlive()).isFalse();
            assertThatThrownBy(() -> stack.awaitReady(MONGO, 0, Duration.ofSeconds(1)))
                    .isInstanceOf(StackStartupException.class).hasMessageContaining("a crash loop");
        } finally {
            stack.close();
        }
    }

    @Test
    void withoutSupervisionAKilledChildStaysDownAndTheRestKeepRunning() {
        try (RunningStack stack = LocalStack.start(StackOptions.defaults().withRandomPorts().withTemporaryDataDir()
                .only(MONGO).withSupervision(false))) {
            stack.kill(MONGO, 0);

            assertThatThrownBy(() -> stack.awaitReady(MONGO, 0, Duration.ofSeconds(3)))
                    .isInstanceOf(StackStartupException.class);
            assertThat(stack.restarts(MONGO, 0)).isZero();
            assertThat(stack.isClosed()).isFalse();
            assertThat(stack.consoleLines())
                    .contains("local-mongo exited unexpectedly (exit code 137); supervision is off, it stays down");

            stack.restart(MONGO, 0);
            assertThat(stack.process(MONGO, 0).isAlive()).isTrue();
        }
    }

    /**
     * What {@code ./run-local.sh} does: the launcher keeps running when a child is killed (the bug was that it
     * stopped all of them), and a crash loop ends it with exit code 1 and no child left behind.
     */
    @Test
    void theLauncherOutlivesACrashAndExitsOneOnACrashLoop(@TempDir Path data) throws Exception {
        Path projectRoot = Path.of("").toAbsolutePath().getParent().getParent();
        Process launcher = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // the launcher's own classes (its module's jar or classes directory), as run-local.sh runs it
                "-cp", Path.of(LocalStack.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                        .toString(), LocalStack.class.getName(),
                "--project-root=" + projectRoot, "--data-dir=" + data, "--random-ports", "--only=mongo",
                "--max-restarts=1").redirectErrorStream(true).start();
        List<String> output = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        Thread reader = new Thread(() -> new java.io.BufferedReader(new java.io.InputStreamReader(
                launcher.getInputStream(), StandardCharsets.UTF_8)).lines().forEach(output::add));
        reader.start();
        try {
            awaitLine(output, "Ctrl-C stops everything");
            ProcessHandle mongo = mongoChild(launcher);
            mongo.destroyForcibly();
            awaitLine(output, "[local-stack] local-mongo restarted, ready after");
            assertThat(launcher.isAlive()).isTrue();
            ProcessHandle restarted = mongoChild(launcher);
            assertThat(restarted.pid()).isNotEqualTo(mongo.pid());

            restarted.destroyForcibly();
            assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(launcher.exitValue()).isEqualTo(1);
            reader.join(5000);
            assertThat(output).contains(
                    "[local-stack] local-mongo exited unexpectedly (exit code 137), restarting in 1s (restart 1)")
                    .anyMatch(line -> line.startsWith("[local-stack] gave up: local-mongo exited unexpectedly")
                            && line.contains("a crash loop"));
            assertThat(restarted.isAlive()).isFalse();
        } finally {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
    }

    private static ProcessHandle mongoChild(Process launcher) {
        return launcher.children()
                .filter(child -> child.info().commandLine().orElse("").contains("local-mongo.jar"))
                .findFirst().orElseThrow();
    }

    private static void awaitLine(List<String> output, String text) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(90))
                .until(() -> List.copyOf(output).stream().anyMatch(line -> line.contains(text)));
    }

    private static Path copyJar(Path projectRoot, Path checkout, StackComponent component) throws IOException {
        Path jar = component.jar(checkout);
        Files.createDirectories(jar.getParent());
        return Files.copy(component.jar(projectRoot), jar);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long readyLines(Path log) {
        try {
            return Files.readAllLines(log, StandardCharsets.ISO_8859_1).stream()
                    .filter(line -> line.contains("MONGO READY")).count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
