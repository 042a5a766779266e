package uk.probation.gate.infra.stack;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code java -jar} command line of each instance of each component, wired to the other components' ports: every
 * service instance gets every broker as bootstrap servers and the same database as its siblings.
 */
final class LaunchCommands {

    /**
     * The brief's service JVM: small heap, one GC thread, quick JIT; four of them share a laptop. 256 MB: under 2,000
     * receptions a service's heap peaked at 112 MB and kept 44 MB after a collection (ADR 0014). Metaspace's first
     * threshold at 64 MB instead of about 21: the start no longer ends in a full collection ("Metadata GC Threshold").
     */
    static final List<String> SERVICE_JVM = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-XX:MetaspaceSize=64m");
    private static final List<String> KAFKA_JVM = List.of("-Xmx320m", "-XX:+UseSerialGC");
    /**
     * The store keeps an eighth of its heap as page cache (documents it need not read from the file again); 100,000
     * people ran it out of a 768 MB heap. G1 with a 50 ms pause goal: with the serial collector the cache's
     * long-lived pages made back-to-back full collections of about a second each, which were the latency tails at
     * half load (request -> effect p99 438 ms at 5,000 people; 117 ms with G1, same run size; ADR 0013).
     */
    private static final List<String> MONGO_JVM = List.of("-Xmx1536m", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=50");
    private static final List<String> MAIL_JVM = List.of("-Xmx128m", "-XX:+UseSerialGC");
    private static final List<String> AUTH_JVM = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final Path projectRoot;
    private final Path dataDir;
    private final StackPorts ports;
    private final StackOptions options;

    LaunchCommands(Path projectRoot, Path dataDir, StackPorts ports, StackOptions options) {
        this.projectRoot = projectRoot;
        this.dataDir = dataDir;
        this.ports = ports;
        this.options = options;
    }

    /** Instance 0 (Kafka: the first broker). */
    ChildSpec specFor(StackComponent component) {
        return specFor(component, 0);
    }

    /** Instance {@code instance} (0-based) of a component: its own ports, log file and jar copy. */
    ChildSpec specFor(StackComponent component, int instance) {
        String name = name(component, instance);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(defaultJvmOptions(component));
        command.addAll(systemProperties(component));
        command.addAll(options.jvmOptionsFor(component));
        // a copy per instance: one instance restarting after a rebuild must not change the jar under another
        Path runJar = dataDir.resolve("jars").resolve(name + ".jar");
        command.add("-jar");
        command.add(runJar.toString());
        command.addAll(programArgs(component, instance));
        command.addAll(options.argsFor(component));
        Path logFile = logsDir().resolve(name + ".log");
        return new ChildSpec(component, instance, name, component.jar(projectRoot), runJar, List.copyOf(command),
                projectRoot, logFile, readiness(component, instance),
                options.classDataSharing() && AppCds.appliesTo(component));
    }

    /**
     * {@code resettlement-service}, {@code resettlement-service-2}, ...; brokers of a cluster {@code local-kafka-1},
     * {@code local-kafka-2}, ... (a single broker is {@code local-kafka}).
     */
    String name(StackComponent component, int instance) {
        if (component == StackComponent.KAFKA && options.brokers() > 1) {
            return component.artifactName() + "-" + (instance + 1);
        }
        return instance == 0 ? component.artifactName() : component.artifactName() + "-" + (instance + 1);
    }

    /** The log an instance appends to, across restarts. */
    Path logFile(StackComponent component, int instance) {
        return logsDir().resolve(name(component, instance) + ".log");
    }

    /** Every broker, e.g. {@code 127.0.0.1:9092,127.0.0.1:9094,127.0.0.1:9096}. */
    String kafkaBootstrapServers() {
        List<String> brokers = new ArrayList<>();
        for (int i = 0; i < ports.instances(StackComponent.KAFKA); i++) {
            brokers.add("127.0.0.1:" + ports.of(StackComponent.KAFKA, i));
        }
        return String.join(",", brokers);
    }

    Path logsDir() {
        return dataDir.resolve("logs");
    }

    private static List<String> defaultJvmOptions(StackComponent component) {
        return switch (component) {
            case KAFKA -> KAFKA_JVM;
            case MONGO -> MONGO_JVM;
            case AUTH -> AUTH_JVM;
            case MAIL -> MAIL_JVM;
            default -> SERVICE_JVM;
        };
    }

    /** GreenMail standalone is configured by system properties: SMTP and its HTTP API on loopback, any login. */
    private List<String> systemProperties(StackComponent component) {
        if (component != StackComponent.MAIL) {
            return List.of();
        }
        return List.of("-Dgreenmail.smtp.hostname=127.0.0.1", "-Dgreenmail.smtp.port=" + ports.of(component),
                "-Dgreenmail.api.hostname=127.0.0.1", "-Dgreenmail.api.port=" + ports.mailApi(),
                "-Dgreenmail.auth.disabled");
    }

    /**
     * The profile every Spring app runs with here: the auth server's dev users and clients, and Swagger UI, exist
     * only under it.
     */
    static final String DEV_PROFILE = "--spring.profiles.active=dev";

    private List<String> programArgs(StackComponent component, int instance) {
        List<String> args = new ArrayList<>(ownArgs(component, instance));
        if (component == StackComponent.AUTH || component == StackComponent.WEB || component.isService()) {
            args.add(DEV_PROFILE);
        }
        if (component.hasManagementPort()) {
            // actuator (health, prometheus) on its own port, on loopback (platform-defaults); the API port has none
            args.add("--management.server.port=" + ports.managementOf(component, instance));
        }
        return args;
    }

    private List<String> ownArgs(StackComponent component, int instance) {
        int port = ports.of(component, instance);
        String issuer = "http://127.0.0.1:" + ports.of(StackComponent.AUTH);
        return switch (component) {
            case KAFKA -> kafkaArgs(instance);
            case MONGO -> List.of("--port=" + port, "--data-dir=" + dataDir.resolve("mongo"));
            case MAIL -> List.of();
            // the issuer follows the port, so tokens' iss matches the services' issuer-uri on random ports too
            // the web app's sign-in redirect and post-logout URIs are registered for the port it really uses
            case AUTH -> List.of("--server.port=" + port,
                    "--auth.key-file=" + dataDir.resolve("auth").resolve("jwk.json"),
                    "--spring.security.oauth2.authorizationserver.issuer=" + issuer,
                    "--auth.web-app.base-urls=" + webAppBaseUrls());
            case WEB -> List.of("--server.port=" + port,
                    "--web.auth-server=" + issuer,
                    "--web.services.resettlement=" + local(StackComponent.RESETTLEMENT),
                    "--web.services.community-payback=" + local(StackComponent.COMMUNITY_PAYBACK),
                    "--web.services.referral=" + local(StackComponent.REFERRAL),
                    "--web.services.notifications=" + local(StackComponent.NOTIFICATIONS));
            default -> List.of("--server.port=" + port,
                    "--spring.mongodb.uri=mongodb://127.0.0.1:" + ports.of(StackComponent.MONGO) + "/"
                            + component.database().orElseThrow(),
                    "--spring.kafka.bootstrap-servers=" + kafkaBootstrapServers(),
                    "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer,
                    "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + issuer + "/oauth2/jwks",
                    "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + ports.of(StackComponent.MAIL));
        };
    }

    /**
     * One broker: as it always was. A cluster: node ids 1..n, every node's controller a voter, each node its own data
     * directory (DATA/kafka-1, ...); they share the cluster id local-kafka derives.
     */
    private List<String> kafkaArgs(int broker) {
        int port = ports.of(StackComponent.KAFKA, broker);
        if (options.brokers() == 1) {
            return List.of("--port=" + port, "--controller-port=" + ports.kafkaController(),
                    "--data-dir=" + dataDir.resolve("kafka"));
        }
        List<String> voters = new ArrayList<>();
        for (int i = 0; i < options.brokers(); i++) {
            voters.add((i + 1) + "@127.0.0.1:" + ports.kafkaController(i));
        }
        return List.of("--node-id=" + (broker + 1), "--port=" + port, "--controller-port=" + ports.kafkaController(broker),
                "--voters=" + String.join(",", voters), "--data-dir=" + dataDir.resolve("kafka-" + (broker + 1)));
    }

    /** Both spellings of loopback, so a browser opened on either signs in. */
    private String webAppBaseUrls() {
        int web = ports.of(StackComponent.WEB);
        return "http://127.0.0.1:" + web + ",http://localhost:" + web;
    }

    private String local(StackComponent component) {
        return "http://127.0.0.1:" + ports.of(component);
    }

    private Readiness readiness(StackComponent component, int instance) {
        return switch (component) {
            case KAFKA -> Readiness.logLine("KAFKA READY");
            case MONGO -> Readiness.logLine("MONGO READY");
            case MAIL -> Readiness.http200(URI.create("http://127.0.0.1:" + ports.mailApi() + "/api/service/readiness"));
            // the key set is what the services need from the auth server, and it is public
            case AUTH -> Readiness.http200(URI.create("http://127.0.0.1:" + ports.of(component) + "/oauth2/jwks"));
            default -> Readiness.healthUp(URI.create("http://127.0.0.1:" + ports.managementOf(component, instance)
                    + "/actuator/health"));
        };
    }
}
