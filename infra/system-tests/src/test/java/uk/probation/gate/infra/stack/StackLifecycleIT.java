package uk.probation.gate.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.probation.gate.infra.stack.StackComponent.AUTH;
import static uk.probation.gate.infra.stack.StackComponent.KAFKA;
import static uk.probation.gate.infra.stack.StackComponent.MONGO;

import java.nio.file.Path;
import java.util.List;

import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What close() leaves behind (no processes, the data) and how a failed start reports itself. */
class StackLifecycleIT {

    @TempDir
    Path dataDir;

    @Test
    void closeStopsEveryChildAndASecondStackOnTheSameDataDirStillHasTheDocument() {
        List<ProcessHandle> children;
        List<Integer> ports;
        try (RunningStack first = LocalStack.start(
                StackOptions.defaults().withRandomPorts().withDataDir(dataDir).only(KAFKA, MONGO, AUTH))) {
            try (MongoClient client = RealClients.mongo(first)) {
                RealClients.collection(client).insertOne(new Document("_id", "kept-case").append("prisonCode", "HEI"));
            }
            children = List.of(KAFKA, MONGO, AUTH).stream().map(c -> first.process(c).orElseThrow()).toList();
            ports = List.of(first.port(KAFKA), first.port(MONGO), first.port(AUTH));
            assertThat(children).allMatch(ProcessHandle::isAlive);
        }

        assertThat(children).noneMatch(ProcessHandle::isAlive);
        assertThat(ports).allMatch(StackPorts::isFree);
        assertThat(dataDir.resolve("logs").resolve("local-mongo.log")).exists();

        try (RunningStack second = LocalStack.start(
                StackOptions.defaults().withRandomPorts().withDataDir(dataDir).only(MONGO));
             MongoClient client = RealClients.mongo(second)) {
            assertThat(RealClients.collection(client).find(new Document("_id", "kept-case")).first())
                    .containsEntry("prisonCode", "HEI");
        }
    }

    @Test
    void aTemporaryDataDirIsDeletedOnClose() {
        Path used;
        try (RunningStack stack = LocalStack.start(
                StackOptions.defaults().withRandomPorts().withTemporaryDataDir().only(MONGO))) {
            used = stack.dataDir();
            assertThat(used.resolve("mongo")).isDirectory();
        }
        assertThat(used).doesNotExist();
    }

    @Test
    void aChildThatDiesWhileStartingFailsTheStartWithTheEndOfItsLog() {
        StackOptions options = StackOptions.defaults().withRandomPorts().withDataDir(dataDir)
                .only(MONGO).withArgs(MONGO, "--no-such-option");

        assertThatThrownBy(() -> LocalStack.start(options))
                .isInstanceOf(StackStartupException.class)
                .hasMessageContaining("local-mongo exited before it was ready")
                .hasMessageContaining("unknown option --no-such-option");
    }

    @Test
    void aMissingJarIsNamedWithTheBuildCommand(@TempDir Path emptyCheckout) {
        StackOptions options = StackOptions.defaults().withRandomPorts().withProjectRoot(emptyCheckout)
                .withDataDir(dataDir).only(MONGO);

        assertThatThrownBy(() -> LocalStack.start(options))
                .isInstanceOf(StackStartupException.class)
                .hasMessageContaining("local-mongo.jar")
                .hasMessageContaining("./mvnw -B -DskipTests install");
    }
}
