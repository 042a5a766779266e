package uk.probation.gate.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppCdsTest {

    @TempDir
    Path data;

    private ChildSpec referral() {
        return new LaunchCommands(data.getParent(), data, StackPorts.defaults(), StackOptions.defaults())
                .specFor(StackComponent.REFERRAL);
    }

    @Test
    void theServicesAndTheWebAppRunExtractedTheInfrastructureAsBuilt() {
        assertThat(StackComponent.services()).allMatch(AppCds::appliesTo);
        assertThat(AppCds.appliesTo(StackComponent.WEB)).isTrue();
        assertThat(StackComponent.infrastructure()).noneMatch(AppCds::appliesTo);
        assertThat(referral().classDataSharing()).isTrue();
        assertThat(new LaunchCommands(data.getParent(), data, StackPorts.defaults(),
                StackOptions.defaults().withClassDataSharing(false)).specFor(StackComponent.REFERRAL).classDataSharing())
                .isFalse();
        assertThat(AppCds.extractedJar(referral())).isEqualTo(data.resolve("jars/referral-service/referral-service.jar"));
        assertThat(AppCds.archive(referral())).isEqualTo(data.resolve("jars/referral-service/app.jsa"));
    }

    @Test
    void aJarThatCannotBeExtractedRunsAsItWasBuiltAndIsNotTrained() throws Exception {
        ChildSpec spec = referral();
        Files.createDirectories(spec.runJar().getParent());
        Files.writeString(spec.runJar(), "not a jar: the build broke");

        assertThat(AppCds.launchCommand(spec)).isEqualTo(spec.command());
        assertThat(AppCds.needsTraining(spec)).isFalse();
        assertThat(AppCds.extractedDir(spec)).doesNotExist();
    }
}
