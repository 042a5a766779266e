package uk.probation.gate.infra.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One running child JVM, its output going to its own log file. */
final class ChildProcess {

    private static final int TAIL_LINES = 40;

    private final ChildSpec spec;
    private final Process process;
    private final Instant startedAt = Instant.now();

    private ChildProcess(ChildSpec spec, Process process) {
        this.spec = spec;
        this.process = process;
    }

    static ChildProcess launch(ChildSpec spec) {
        try {
            JarSnapshot.refresh(spec.builtJar(), spec.runJar());
            Files.createDirectories(spec.logFile().getParent());
            Process process = new ProcessBuilder(spec.command())
                    .directory(spec.workingDir().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(spec.logFile().toFile())
                    .start();
            return new ChildProcess(spec, process);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + spec.name(), e);
        }
    }

    ChildSpec spec() {
        return spec;
    }

    String name() {
        return spec.name();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    boolean isReady() {
        return spec.readiness().isReady(spec.logFile());
    }

    Duration uptime() {
        return Duration.between(startedAt, Instant.now());
    }

    /** Why it could not start: exit code and the end of its log. */
    String failureReport(String what) {
        String exit = process.isAlive() ? "" : " (exit code " + process.exitValue() + ")";
        return spec.name() + " " + what + exit + "; last lines of " + spec.logFile() + ":\n" + logTail();
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(spec.logFile(), StandardCharsets.ISO_8859_1);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /**
     * Asks every child (and anything it started) to stop, waits up to the grace period for them together,
     * then kills what is left.
     */
    static void stopAll(Collection<ChildProcess> children, Duration grace) {
        List<ProcessHandle> everyProcess = new ArrayList<>();
        for (ChildProcess child : children) {
            everyProcess.addAll(child.handle().descendants().toList());
            everyProcess.add(child.handle());
        }
        everyProcess.forEach(ProcessHandle::destroy);
        awaitExit(everyProcess, Instant.now().plus(grace));
        List<ProcessHandle> stubborn = everyProcess.stream().filter(ProcessHandle::isAlive).toList();
        stubborn.forEach(ProcessHandle::destroyForcibly);
        awaitExit(stubborn, Instant.now().plusSeconds(10));
    }

    private static void awaitExit(List<ProcessHandle> processes, Instant deadline) {
        for (ProcessHandle process : processes) {
            long millisLeft = Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
            try {
                process.onExit().get(millisLeft, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception stillRunning) {
                // the caller escalates for whatever is still alive
            }
        }
    }
}
