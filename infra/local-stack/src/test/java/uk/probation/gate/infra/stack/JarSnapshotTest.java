package uk.probation.gate.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarSnapshotTest {

    @TempDir
    Path dir;

    private Path built;
    private Path copy;

    @Test
    void theFirstStartCopiesTheBuiltJar() throws Exception {
        givenABuild("build-1");

        JarSnapshot.refresh(built, copy);

        assertThat(copy).hasContent("build-1");
    }

    @Test
    void anUnchangedBuildIsNotCopiedAgain() throws Exception {
        givenABuild("build-1");
        JarSnapshot.refresh(built, copy);
        FileTime copied = Files.getLastModifiedTime(copy);
        Files.writeString(copy, "marker!"); // same size; put the copy's time back so only a needless copy would undo this
        Files.setLastModifiedTime(copy, copied);

        JarSnapshot.refresh(built, copy);

        assertThat(copy).hasContent("marker!");
    }

    @Test
    void aRebuildReplacesTheCopy() throws Exception {
        givenABuild("build-1");
        JarSnapshot.refresh(built, copy);
        Files.writeString(built, "build-2");
        Files.setLastModifiedTime(built, FileTime.from(Instant.now().plusSeconds(5)));

        JarSnapshot.refresh(built, copy);

        assertThat(copy).hasContent("build-2");
        assertThat(copy.resolveSibling("referral-service.jar.partial")).doesNotExist();
    }

    private void givenABuild(String content) throws Exception {
        built = Files.writeString(dir.resolve("referral-service.jar"), content);
        copy = dir.resolve("jars").resolve("referral-service.jar");
    }
}
