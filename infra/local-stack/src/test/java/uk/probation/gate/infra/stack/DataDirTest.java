package uk.probation.gate.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirTest {

    @TempDir
    Path checkout;

    @Test
    void resetDeletesTheDataDirAndEverythingInIt() throws Exception {
        Path data = Files.createDirectories(checkout.resolve(".local-stack/kafka/logs"));
        Files.writeString(data.resolve("meta.properties"), "node.id=1");

        DataDir.delete(checkout.resolve(".local-stack"), checkout);

        assertThat(checkout.resolve(".local-stack")).doesNotExist();
        assertThat(checkout).exists();
    }

    @Test
    void refusesADataDirThatHoldsTheProject() {
        assertThatThrownBy(() -> DataDir.delete(checkout, checkout)).hasMessageContaining("refusing");
        assertThatThrownBy(() -> DataDir.delete(checkout.getParent(), checkout)).hasMessageContaining("refusing");
        assertThat(checkout).exists();
    }

    @Test
    void theProjectRootIsFoundFromInsideAModule() throws Exception {
        Files.writeString(checkout.resolve("pom.xml"), "<modules><module>infra/local-stack</module></modules>");
        Path module = Files.createDirectories(checkout.resolve("infra/local-stack"));
        Files.writeString(module.resolve("pom.xml"), "<project/>");

        assertThat(ProjectRoot.findFrom(module)).isEqualTo(checkout.toAbsolutePath().normalize());
    }
}
