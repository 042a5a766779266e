package uk.probation.gate.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class LaunchCommandsTest {

    private final Path root = Path.of("/checkout");
    private final Path data = Path.of("/checkout/.local-stack");

    @Test
    void aServiceIsWiredToMongoKafkaAndTheAuthServerWithTheSmallJvm() {
        StackOptions options = StackOptions.defaults().withArgs(StackComponent.REFERRAL, "--extra=1");
        LaunchCommands commands = new LaunchCommands(root, data, StackPorts.defaults(), options);

        ChildSpec spec = commands.specFor(StackComponent.REFERRAL);

        assertThat(spec.command()).containsSequence("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-XX:MetaspaceSize=64m", "-jar",
                "/checkout/.local-stack/jars/referral-service.jar");
        assertThat(spec.builtJar()).isEqualTo(Path.of("/checkout/referral-service/target/referral-service.jar"));
        assertThat(spec.command()).containsSequence(
                "--server.port=8083",
                "--spring.mongodb.uri=mongodb://127.0.0.1:27017/referral",
                "--spring.kafka.bootstrap-servers=127.0.0.1:9092",
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=http://127.0.0.1:9000",
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9000/oauth2/jwks",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=2525",
                "--spring.profiles.active=dev", "--management.server.port=9083",
                "--extra=1");
        assertThat(spec.logFile()).isEqualTo(data.resolve("logs/referral-service.log"));
    }

    @Test
    void theAuthServerKeepsItsKeyUnderTheDataDirAndNamesItsOwnPortAsIssuer() {
        LaunchCommands commands = new LaunchCommands(root, data, StackPorts.defaults(), StackOptions.defaults());

        assertThat(commands.specFor(StackComponent.AUTH).command()).contains(
                "--auth.key-file=/checkout/.local-stack/auth/jwk.json",
                "--spring.security.oauth2.authorizationserver.issuer=http://127.0.0.1:9000",
                "--spring.profiles.active=dev");
        assertThat(commands.specFor(StackComponent.AUTH).command()).noneMatch(arg -> arg.startsWith("--management"));
        assertThat(commands.specFor(StackComponent.KAFKA).command()).contains(
                "--port=9092", "--controller-port=9093", "--data-dir=/checkout/.local-stack/kafka");
    }

    @Test
    void theMailServerListensOnLoopbackWithItsApiBeside() {
        LaunchCommands commands = new LaunchCommands(root, data, StackPorts.defaults(), StackOptions.defaults());

        assertThat(commands.specFor(StackComponent.MAIL).command()).contains(
                "-Dgreenmail.smtp.hostname=127.0.0.1", "-Dgreenmail.smtp.port=2525",
                "-Dgreenmail.api.hostname=127.0.0.1", "-Dgreenmail.api.port=8025",
                "/checkout/.local-stack/jars/local-mail.jar");
        assertThat(commands.specFor(StackComponent.MAIL).builtJar())
                .isEqualTo(Path.of("/checkout/infra/local-mail/target/local-mail.jar"));
    }

    @Test
    void theWebAppSignsInAtTheAuthServerWhichAllowsItsRealBaseUrl() {
        StackPorts ports = StackPorts.random();
        LaunchCommands commands = new LaunchCommands(root, data, ports, StackOptions.defaults());
        String web = "http://127.0.0.1:" + ports.of(StackComponent.WEB);
        String auth = "http://127.0.0.1:" + ports.of(StackComponent.AUTH);

        assertThat(commands.specFor(StackComponent.WEB).command()).contains(
                "--server.port=" + ports.of(StackComponent.WEB), "--web.auth-server=" + auth,
                "--web.services.resettlement=http://127.0.0.1:" + ports.of(StackComponent.RESETTLEMENT),
                "--web.services.community-payback=http://127.0.0.1:" + ports.of(StackComponent.COMMUNITY_PAYBACK),
                "--web.services.referral=http://127.0.0.1:" + ports.of(StackComponent.REFERRAL),
                "--web.services.notifications=http://127.0.0.1:" + ports.of(StackComponent.NOTIFICATIONS));
        assertThat(commands.specFor(StackComponent.WEB).command()).contains("--spring.profiles.active=dev",
                "--management.server.port=" + ports.managementOf(StackComponent.WEB));
        assertThat(commands.specFor(StackComponent.WEB).builtJar())
                .isEqualTo(Path.of("/checkout/web-app/target/web-app.jar"));
        assertThat(commands.specFor(StackComponent.AUTH).command()).contains("--auth.web-app.base-urls=" + web
                + ",http://localhost:" + ports.of(StackComponent.WEB));
    }

    @Test
    void randomManagementPortsAreDistinctFromEveryOtherPort() {
        StackPorts ports = StackPorts.random();
        java.util.List<Integer> all = new java.util.ArrayList<>(ports.byComponent().values());
        all.addAll(ports.management().values());
        all.add(ports.kafkaController());
        all.add(ports.mailApi());

        assertThat(all).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ports.all());
        assertThat(ports.management()).containsOnlyKeys(StackComponent.RESETTLEMENT, StackComponent.COMMUNITY_PAYBACK,
                StackComponent.REFERRAL, StackComponent.NOTIFICATIONS, StackComponent.WEB);
        assertThat(StackPorts.defaults().management()).containsEntry(StackComponent.RESETTLEMENT, 9081)
                .containsEntry(StackComponent.COMMUNITY_PAYBACK, 9082).containsEntry(StackComponent.REFERRAL, 9083)
                .containsEntry(StackComponent.NOTIFICATIONS, 9084).containsEntry(StackComponent.WEB, 9080);
    }

    @Test
    void aClusterOfThreeHasNodeIdsVotersAndADataDirPerBrokerAndOneBrokerStaysAsItWas() {
        StackOptions options = StackOptions.defaults().withBrokers(3);
        LaunchCommands commands = new LaunchCommands(root, data, StackPorts.defaults(3, 1), options);
        String voters = "--voters=1@127.0.0.1:9093,2@127.0.0.1:9095,3@127.0.0.1:9097";

        assertThat(commands.specFor(StackComponent.KAFKA, 0).command()).containsSequence("--node-id=1", "--port=9092",
                "--controller-port=9093", voters, "--data-dir=/checkout/.local-stack/kafka-1");
        ChildSpec third = commands.specFor(StackComponent.KAFKA, 2);
        assertThat(third.command()).containsSequence("--node-id=3", "--port=9096", "--controller-port=9097", voters,
                "--data-dir=/checkout/.local-stack/kafka-3");
        assertThat(third.name()).isEqualTo("local-kafka-3");
        assertThat(third.logFile()).isEqualTo(data.resolve("logs/local-kafka-3.log"));
        assertThat(third.runJar()).isEqualTo(data.resolve("jars/local-kafka-3.jar"));
        assertThat(third.builtJar()).isEqualTo(Path.of("/checkout/infra/local-kafka/target/local-kafka.jar"));
        assertThat(commands.kafkaBootstrapServers()).isEqualTo("127.0.0.1:9092,127.0.0.1:9094,127.0.0.1:9096");
        assertThat(commands.specFor(StackComponent.REFERRAL, 0).command())
                .contains("--spring.kafka.bootstrap-servers=127.0.0.1:9092,127.0.0.1:9094,127.0.0.1:9096");

        ChildSpec single = new LaunchCommands(root, data, StackPorts.defaults(), StackOptions.defaults())
                .specFor(StackComponent.KAFKA);
        assertThat(single.name()).isEqualTo("local-kafka");
        assertThat(single.command()).noneMatch(arg -> arg.startsWith("--node-id") || arg.startsWith("--voters"));
    }

    @Test
    void theSecondInstanceOfAServiceHasItsOwnPortsLogAndJarAndTheSameDatabase() {
        StackOptions options = StackOptions.defaults().withInstances(2);
        LaunchCommands commands = new LaunchCommands(root, data, StackPorts.defaults(1, 2), options);

        ChildSpec second = commands.specFor(StackComponent.RESETTLEMENT, 1);

        assertThat(second.name()).isEqualTo("resettlement-service-2");
        assertThat(second.instance()).isEqualTo(1);
        assertThat(second.command()).contains("--server.port=8181", "--management.server.port=9181",
                "--spring.mongodb.uri=mongodb://127.0.0.1:27017/resettlement",
                "/checkout/.local-stack/jars/resettlement-service-2.jar");
        assertThat(second.logFile()).isEqualTo(data.resolve("logs/resettlement-service-2.log"));
        assertThat(commands.specFor(StackComponent.RESETTLEMENT, 0).command())
                .contains("--server.port=8081", "--management.server.port=9081");
        // the web app calls instance 0
        assertThat(commands.specFor(StackComponent.WEB).command())
                .contains("--web.services.resettlement=http://127.0.0.1:8081");
    }

    @Test
    void portsForAClusterWithInstancesFollowTheDocumentedStepsOrAreAllDistinct() {
        StackPorts defaults = StackPorts.defaults(3, 2);
        assertThat(defaults.of(StackComponent.KAFKA, 1)).isEqualTo(9094);
        assertThat(defaults.kafkaController(2)).isEqualTo(9097);
        assertThat(defaults.of(StackComponent.NOTIFICATIONS, 1)).isEqualTo(8184);
        assertThat(defaults.managementOf(StackComponent.NOTIFICATIONS, 1)).isEqualTo(9184);
        assertThat(defaults.instances(StackComponent.KAFKA)).isEqualTo(3);
        assertThat(defaults.instances(StackComponent.REFERRAL)).isEqualTo(2);
        assertThat(defaults.instances(StackComponent.WEB)).isEqualTo(1);
        assertThat(defaults.all()).doesNotHaveDuplicates();

        StackPorts random = StackPorts.random(3, 2);
        // 3 brokers + 3 controllers, 4 services x 2 x (API + management), mongo, auth, mail + API, web + management
        assertThat(random.all()).hasSize(6 + 16 + 2 + 2 + 2).doesNotHaveDuplicates();
        assertThat(random.instances(StackComponent.RESETTLEMENT)).isEqualTo(2);
    }
}
