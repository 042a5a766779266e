package uk.probation.gate.infra.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Children run a copy of their jar under DATA/jars: a {@code mvn install} while the stack runs rewrites
 * target/*.jar, and a JVM whose jar changes underneath it fails with NoClassDefFoundError.
 */
final class JarSnapshot {

    private JarSnapshot() {
    }

    /** Copies the built jar unless the copy already matches it; restart() thus picks up a rebuild. */
    static void refresh(Path built, Path copy) {
        try {
            if (Files.exists(copy)
                    && Files.size(copy) == Files.size(built)
                    // millis: the copied timestamp loses the nanoseconds the file system kept on the original
                    && Files.getLastModifiedTime(copy).toMillis() == Files.getLastModifiedTime(built).toMillis()) {
                return;
            }
            Files.createDirectories(copy.getParent());
            Path partial = copy.resolveSibling(copy.getFileName() + ".partial");
            Files.copy(built, partial, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            Files.move(partial, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + built + " to " + copy, e);
        }
    }
}
