package uk.probation.gate.infra.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the multi-module root: the pom.xml that lists this launcher as a module. */
final class ProjectRoot {

    private static final String MARKER = "<module>infra/local-stack</module>";

    private ProjectRoot() {
    }

    static Path findFrom(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            if (Files.isRegularFile(pom) && contains(pom, MARKER)) {
                return dir;
            }
        }
        throw new StackStartupException("no pom.xml with " + MARKER + " in " + start.toAbsolutePath()
                + " or above; run from inside the project or pass --project-root=DIR");
    }

    private static boolean contains(Path pom, String text) {
        try {
            return Files.readString(pom).contains(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
