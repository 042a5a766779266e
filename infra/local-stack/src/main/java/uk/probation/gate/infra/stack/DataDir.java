package uk.probation.gate.infra.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The stack's data directory: Kafka logs, the Mongo file, the signing key and every child's log. */
final class DataDir {

    private DataDir() {
    }

    /** Deletes the directory, refusing anything that could hold the project or a home directory. */
    static void delete(Path dataDir, Path projectRoot) {
        Path target = dataDir.toAbsolutePath().normalize();
        Path root = projectRoot.toAbsolutePath().normalize();
        Path home = Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();
        if (target.getParent() == null || root.startsWith(target) || home.startsWith(target)) {
            throw new IllegalArgumentException("refusing to delete " + target + ": it contains the project or a home directory");
        }
        if (!Files.exists(target)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(target)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + target, e);
        }
    }
}
