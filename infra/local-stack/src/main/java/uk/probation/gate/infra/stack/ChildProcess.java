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

/** One run of a child JVM, its output appended to its own log file (earlier runs' output stays above it). */
final class ChildProcess {

    private static final int TAIL_LINES = 40;

    private final ChildSpec spec;
    private final Process process;
    private final long logOffset;
    private final Instant startedAt = Instant.now();

    private ChildProcess(ChildSpec spec, Process process, long logOffset) {
        this.spec = spec;
        this.process = process;
        this.logOffset = logOffset;
    }

    static ChildProcess launch(ChildSpec spec) {
        try {
            JarSnapshot.refresh(spec.builtJar(), spec.runJar());
            Files.createDirectories(spec.logFile().getParent());
            // this run's output starts here: readiness and failure reports look at it only
            long logOffset = Files.exists(spec.logFile()) ? Files.size(spec.logFile()) : 0;
            // the services run their extracted jar, with the class-data archive once the stack has trained one
            List<String> command = spec.classDataSharing() ? AppCds.launchCommand(spec) : spec.command();
            Process process = new ProcessBuilder(command)
                    .directory(spec.workingDir().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(spec.logFile().toFile()))
                    .start();
            return new ChildProcess(spec, process, logOffset);
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

    /** Completes when this run has exited, for whatever reason. */
    java.util.concurrent.CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    int exitCode() {
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    boolean isReady() {
        return spec.readiness().isReady(spec.logFile(), logOffset);
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
            byte[] all = Files.readAllBytes(spec.logFile());
            int from = (int) Math.min(logOffset, all.length);
            List<String> lines = new String(all, from, all.length - from, StandardCharsets.ISO_8859_1).lines().toList();
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
