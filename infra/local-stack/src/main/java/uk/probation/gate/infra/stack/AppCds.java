package uk.probation.gate.infra.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Application class-data sharing for the Spring Boot services (ADR 0014). Most of a service's start is loading and
 * verifying some 13,000 classes, slower still from the jars nested in a boot jar. So a service runs from its jar
 * extracted beside its copy ({@code DATA/jars/<name>/<name>.jar} plus {@code lib/}) and, once an archive of the classes
 * its start loads exists there ({@code app.jsa}), maps them from it instead.
 * <p>
 * The archive is made by a training run: the service's own command line with {@code -Dspring.context.exit=onRefresh}
 * (the context is refreshed, nothing is started: no port bound, no consumer group joined) and
 * {@code -XX:ArchiveClassesAtExit}. The stack trains in the background once it is up, at the lowest CPU priority, so
 * a start never waits for it; the next start or restart uses the archive. A new jar is extracted afresh, which drops
 * its archive. An archive is used only once a JVM has mapped it with {@code -Xshare:on} and verified its checksums (a
 * truncated archive crashes the JVM that maps it); one that does not fit makes the JVM warn and run without it. If
 * the jar cannot be extracted the service runs from its copy as before.
 */
final class AppCds {

    static final String ARCHIVE = "app.jsa";
    private static final String SOURCE_STAMP = ".source";
    private static final long TRAINING_TIMEOUT_MINUTES = 5;

    private AppCds() {
    }

    /** The components that run with an archive: the four services and the web app (Spring Boot, actuator port). */
    static boolean appliesTo(StackComponent component) {
        return component.isService() || component == StackComponent.WEB;
    }

    /** Where the run jar of this spec is extracted: {@code DATA/jars/<name>/}. */
    static Path extractedDir(ChildSpec spec) {
        return spec.runJar().resolveSibling(spec.name());
    }

    static Path extractedJar(ChildSpec spec) {
        return extractedDir(spec).resolve(spec.runJar().getFileName());
    }

    static Path archive(ChildSpec spec) {
        return extractedDir(spec).resolve(ARCHIVE);
    }

    /**
     * The command line to launch now: {@code -jar} on the extracted jar, with the archive when there is one; the
     * spec's own command (the boot jar copy) when the jar cannot be extracted.
     */
    static List<String> launchCommand(ChildSpec spec) {
        if (!appliesTo(spec.component()) || !extract(spec)) {
            return spec.command();
        }
        List<String> command = onExtractedJar(spec, spec.command());
        if (Files.isRegularFile(archive(spec))) {
            command.add(jarIndex(command), "-XX:SharedArchiveFile=" + archive(spec));
        }
        return command;
    }

    /** Whether the extraction of the current run jar is in place: done now if the jar changed since. */
    static boolean extract(ChildSpec spec) {
        Path dir = extractedDir(spec);
        try {
            String source = stamp(spec.runJar());
            Path stampFile = dir.resolve(SOURCE_STAMP);
            if (Files.isRegularFile(stampFile) && Files.readString(stampFile).equals(source)
                    && Files.isRegularFile(extractedJar(spec))) {
                return true;
            }
            deleteTree(dir);
            Path partial = dir.resolveSibling(spec.name() + ".extracting");
            deleteTree(partial);
            Process extract = new ProcessBuilder(java(), "-Djarmode=tools", "-jar", spec.runJar().toString(), "extract",
                    "--destination", partial.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!extract.waitFor(2, TimeUnit.MINUTES) || extract.exitValue() != 0
                    || !Files.isRegularFile(partial.resolve(spec.runJar().getFileName()))) {
                extract.destroyForcibly();
                deleteTree(partial);
                return false;
            }
            Files.writeString(partial.resolve(SOURCE_STAMP), source);
            Files.move(partial, dir, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException | UncheckedIOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Whether this instance starts from a class-data archive (one was trained and installed for it). */
    static boolean hasArchive(ChildSpec spec) {
        return spec.classDataSharing() && appliesTo(spec.component()) && Files.isRegularFile(archive(spec));
    }

    /** Whether this instance runs extracted but has no archive yet: worth a training run. */
    static boolean needsTraining(ChildSpec spec) {
        return appliesTo(spec.component()) && Files.isRegularFile(extractedJar(spec))
                && !Files.isRegularFile(archive(spec));
    }

    /**
     * Runs the training run and installs its archive once a JVM has mapped and verified it. Blocks; its output goes to
     * {@code DATA/logs/<name>-cds.log}. False when no archive came of it (the next start simply runs without).
     */
    static boolean train(ChildSpec spec, Path trainingLog) throws InterruptedException {
        Path archive = archive(spec);
        Path partial = archive.resolveSibling(ARCHIVE + ".training");
        try {
            Files.deleteIfExists(partial);
            Files.createDirectories(trainingLog.getParent());
            List<String> command = new ArrayList<>(niceness());
            List<String> run = onExtractedJar(spec, spec.command());
            int jar = jarIndex(run);
            run.addAll(jar, List.of("-XX:ArchiveClassesAtExit=" + partial, "-Dspring.context.exit=onRefresh",
                    "-Xlog:cds=off", "-Xlog:cds+dynamic=info"));
            command.addAll(run.stream().map(AppCds::anyFreePort).toList());
            if (!runToEnd(command, spec.workingDir(), trainingLog) || !Files.isRegularFile(partial)) {
                return false;
            }
            // a truncated or corrupt archive would crash the service that maps it: map and verify it first
            List<String> verify = new ArrayList<>(run.subList(0, jar));
            verify.addAll(List.of("-Xshare:on", "-XX:+VerifySharedSpaces", "-XX:SharedArchiveFile=" + partial,
                    "-cp", extractedJar(spec).toString(), "-version"));
            if (!runToEnd(verify, spec.workingDir(), trainingLog)) {
                return false;
            }
            Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException | UncheckedIOException e) {
            return false;
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // the next training run starts by deleting it
            }
        }
    }

    private static boolean runToEnd(List<String> command, Path workingDir, Path log)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            if (!process.waitFor(TRAINING_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                return false;
            }
            return process.exitValue() == 0;
        } finally {
            if (process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }

    /** The command with {@code -jar <boot jar copy>} turned into {@code -jar <extracted jar>}. */
    private static List<String> onExtractedJar(ChildSpec spec, List<String> command) {
        List<String> result = new ArrayList<>(command);
        int jar = jarIndex(result);
        result.set(jar + 1, extractedJar(spec).toString());
        return result;
    }

    private static int jarIndex(List<String> command) {
        int jar = command.indexOf("-jar");
        if (jar < 0) {
            throw new IllegalArgumentException("not a java -jar command line: " + command);
        }
        return jar;
    }

    /** The training run binds nothing, but must not even try the running instance's ports. */
    private static String anyFreePort(String arg) {
        if (arg.startsWith("--server.port=")) {
            return "--server.port=0";
        }
        if (arg.startsWith("--management.server.port=")) {
            return "--management.server.port=0";
        }
        return arg;
    }

    /** Training is background work: on Linux and macOS it yields the CPU to everything else. */
    private static List<String> niceness() {
        return Files.isExecutable(Path.of("/usr/bin/nice")) ? List.of("/usr/bin/nice", "-n", "19") : List.of();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static String stamp(Path jar) throws IOException {
        return Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
