package uk.probation.gate.infra.stack;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Everything the local stack can start: four pieces of infrastructure, the four services, then the web app. */
public enum StackComponent {
    KAFKA("kafka", "infra/local-kafka", 9092, 0, null),
    MONGO("mongo", "infra/local-mongo", 27017, 0, null),
    AUTH("auth", "infra/auth-server", 9000, 0, null),
    /** A real SMTP server keeping what it receives, for notifications-service's e-mail. */
    MAIL("mail", "infra/local-mail", 2525, 0, null),
    RESETTLEMENT("resettlement", "resettlement-service", 8081, 9081, "resettlement"),
    COMMUNITY_PAYBACK("community-payback", "community-payback-service", 8082, 9082, "community-payback"),
    REFERRAL("referral", "referral-service", 8083, 9083, "referral"),
    NOTIFICATIONS("notifications", "notifications-service", 8084, 9084, "notifications"),
    /** The web application: signs people in at the auth server and calls the services with their token. */
    WEB("web", "web-app", 8080, 9080, null);

    /** Kafka's second port, for its KRaft controller listener. */
    static final int DEFAULT_KAFKA_CONTROLLER_PORT = 9093;

    /** The mail server's HTTP API, where the messages it received can be read. */
    static final int DEFAULT_MAIL_API_PORT = 8025;

    private final String cliName;
    private final String module;
    private final int defaultPort;
    private final int defaultManagementPort;
    private final String database;

    StackComponent(String cliName, String module, int defaultPort, int defaultManagementPort, String database) {
        this.cliName = cliName;
        this.module = module;
        this.defaultPort = defaultPort;
        this.defaultManagementPort = defaultManagementPort;
        this.database = database;
    }

    public static List<StackComponent> infrastructure() {
        return List.of(KAFKA, MONGO, AUTH, MAIL);
    }

    public static List<StackComponent> services() {
        return List.of(RESETTLEMENT, COMMUNITY_PAYBACK, REFERRAL, NOTIFICATIONS);
    }

    /** Started last, once the auth server and the services it calls are up. */
    public static List<StackComponent> frontEnds() {
        return List.of(WEB);
    }

    /** Stopped first: the services, and the web app that calls them, before the infrastructure they use. */
    boolean stopsBeforeInfrastructure() {
        return isService() || this == WEB;
    }

    /** The name used on the command line, e.g. in {@code --only=kafka,mongo,auth}. */
    public String cliName() {
        return cliName;
    }

    public boolean isService() {
        return database != null;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /**
     * Spring Boot apps (the services and the web app) serve actuator (health, prometheus) on a second port of their
     * own, on loopback only; the API port answers 404 there. The auth server and the infrastructure have none.
     */
    public boolean hasManagementPort() {
        return defaultManagementPort > 0;
    }

    public int defaultManagementPort() {
        return defaultManagementPort;
    }

    /** The service's MongoDB database; empty for infrastructure. */
    public Optional<String> database() {
        return Optional.ofNullable(database);
    }

    /** The module's artifact name: names the jar and the log file. */
    public String artifactName() {
        return module.substring(module.lastIndexOf('/') + 1);
    }

    public Path jar(Path projectRoot) {
        return projectRoot.resolve(module).resolve("target").resolve(artifactName() + ".jar");
    }

    static StackComponent fromCliName(String name) {
        return Arrays.stream(values())
                .filter(component -> component.cliName.equals(name.trim()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown component '" + name + "', expected one of "
                        + Arrays.stream(values()).map(StackComponent::cliName).toList()));
    }
}
