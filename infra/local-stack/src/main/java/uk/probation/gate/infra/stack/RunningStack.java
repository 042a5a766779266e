package uk.probation.gate.infra.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A started local stack: the ports and addresses it actually uses, and its child processes.
 * {@link #close()} (or JVM shutdown) stops every child; a temporary data directory is then deleted.
 */
public final class RunningStack implements AutoCloseable {

    /** Spring Boot's graceful shutdown takes a few seconds; Kafka flushes its log. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final Path projectRoot;
    private final Path dataDir;
    private final boolean deleteDataDirOnClose;
    private final StackPorts ports;
    private final LaunchCommands commands;
    private final Duration startupTimeout;
    private final Map<StackComponent, ChildProcess> children = new EnumMap<>(StackComponent.class);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread shutdownHook = new Thread(this::close, "local-stack-shutdown");

    RunningStack(Path projectRoot, Path dataDir, boolean deleteDataDirOnClose, StackPorts ports,
                 LaunchCommands commands, Duration startupTimeout) {
        this.projectRoot = projectRoot;
        this.dataDir = dataDir;
        this.deleteDataDirOnClose = deleteDataDirOnClose;
        this.ports = ports;
        this.commands = commands;
        this.startupTimeout = startupTimeout;
        // Ctrl-C, or a test JVM ending without close(), must not leave brokers and services behind
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Launches the components at once, then waits until each is ready. */
    void startTogether(Collection<StackComponent> tier) {
        List<ChildProcess> launched = new ArrayList<>();
        for (StackComponent component : tier) {
            ChildSpec spec = commands.specFor(component);
            log("starting " + spec.name() + " on 127.0.0.1:" + port(component) + ", log " + spec.logFile());
            ChildProcess child = ChildProcess.launch(spec);
            synchronized (this) {
                if (closed.get()) {
                    // close() has already taken its list of children: this one would be left running
                    ChildProcess.stopAll(List.of(child), Duration.ZERO);
                    throw new StackStartupException("stopped while starting " + spec.name());
                }
                children.put(component, child);
            }
            launched.add(child);
        }
        awaitReady(launched);
    }

    private void awaitReady(List<ChildProcess> launched) {
        Instant deadline = Instant.now().plus(startupTimeout);
        Set<ChildProcess> pending = new LinkedHashSet<>(launched);
        while (!pending.isEmpty()) {
            for (ChildProcess child : List.copyOf(pending)) {
                if (closed.get()) {
                    throw new StackStartupException("stopped while starting " + child.name());
                }
                if (!child.isAlive()) {
                    throw new StackStartupException(child.failureReport("exited before it was ready"));
                }
                if (child.isReady()) {
                    log(child.name() + " ready after " + child.uptime().toMillis() / 100 / 10.0 + " s");
                    pending.remove(child);
                }
            }
            if (!pending.isEmpty() && Instant.now().isAfter(deadline)) {
                throw new StackStartupException(pending.iterator().next()
                        .failureReport("not ready after " + startupTimeout.toSeconds() + " s"));
            }
            if (!pending.isEmpty()) {
                pause();
            }
        }
    }

    /** The port a component listens on (the default, or the random one chosen at start). */
    public int port(StackComponent component) {
        return ports.of(component);
    }

    /** The management (actuator) port of a service or the web app: health and prometheus answer there only. */
    public int managementPort(StackComponent component) {
        return ports.managementOf(component);
    }

    /** e.g. {@code http://127.0.0.1:9083} for {@link StackComponent#REFERRAL}: /actuator/health, /actuator/prometheus. */
    public URI managementUrl(StackComponent component) {
        return URI.create("http://127.0.0.1:" + managementPort(component));
    }

    /** For {@code bootstrap.servers}, e.g. {@code 127.0.0.1:9092}. */
    public String kafkaBootstrapServers() {
        return "127.0.0.1:" + port(StackComponent.KAFKA);
    }

    /** e.g. {@code mongodb://127.0.0.1:27017/referral}. */
    public String mongoUri(String database) {
        return "mongodb://127.0.0.1:" + port(StackComponent.MONGO) + "/" + database;
    }

    /** The issuer every token names and every service trusts, e.g. {@code http://127.0.0.1:9000}. */
    public String issuerUri() {
        return baseUrl(StackComponent.AUTH).toString();
    }

    public URI tokenUri() {
        return URI.create(issuerUri() + "/oauth2/token");
    }

    /** e.g. {@code http://127.0.0.1:8083} for {@link StackComponent#REFERRAL}. */
    public URI baseUrl(StackComponent component) {
        return URI.create("http://127.0.0.1:" + port(component));
    }

    /** The mail server's HTTP API: {@code GET /api/user/<address>/messages/} lists what an address received. */
    public URI mailApi() {
        return URI.create("http://127.0.0.1:" + ports.mailApi());
    }

    /** The web application people sign in to, e.g. {@code http://127.0.0.1:8080}. */
    public URI webAppUrl() {
        return baseUrl(StackComponent.WEB);
    }

    public URI swaggerUi(StackComponent service) {
        return URI.create(baseUrl(service) + "/swagger-ui.html");
    }

    /**
     * Fetches a fresh access token for a dev client (e.g. {@code caseworker}, {@code provider-sova}) to send as
     * Bearer, with the client's own secret ({@link DevClientHints#secretOf}). It names all four services in its
     * audience and lives at most 10 minutes: fetch another rather than keeping one for long.
     */
    public String accessToken(String clientId) {
        return accessToken(clientId, null);
    }

    /**
     * A token only {@code resource} accepts (RFC 8707 {@code resource}, a service's name such as
     * {@code referral-service}); null for the default audience (all four services).
     */
    public String accessToken(String clientId, String resource) {
        String basic = Base64.getEncoder()
                .encodeToString((clientId + ":" + DevClientHints.secretOf(clientId)).getBytes(StandardCharsets.UTF_8));
        String form = "grant_type=client_credentials" + (resource == null ? "" : "&resource="
                + java.net.URLEncoder.encode(resource, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(tokenUri())
                            .header("Authorization", "Basic " + basic)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher token = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !token.find()) {
                throw new IllegalStateException("no token for client " + clientId + ": HTTP " + response.statusCode());
            }
            return token.group(1);
        } catch (IOException e) {
            throw new IllegalStateException("auth server unreachable at " + tokenUri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching a token", e);
        }
    }

    public Path projectRoot() {
        return projectRoot;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path logFile(StackComponent component) {
        return commands.logsDir().resolve(component.artifactName() + ".log");
    }

    /** What this stack started, in start order. */
    public synchronized Set<StackComponent> components() {
        return children.isEmpty() ? EnumSet.noneOf(StackComponent.class) : EnumSet.copyOf(children.keySet());
    }

    /** The child process of a component, e.g. to check it is gone after {@link #close()}. */
    public synchronized Optional<ProcessHandle> process(StackComponent component) {
        return Optional.ofNullable(children.get(component)).map(ChildProcess::handle);
    }

    /**
     * Stops one component and starts it again with the same ports and data, waiting until it is ready.
     * A jar rebuilt since the start is picked up, so: edit, {@code ./mvnw -pl referral-service package}, restart.
     */
    public void restart(StackComponent component) {
        ChildProcess old;
        synchronized (this) {
            old = children.remove(component);
        }
        if (old == null) {
            throw new IllegalArgumentException(component + " is not part of this stack");
        }
        ChildProcess.stopAll(List.of(old), STOP_GRACE);
        startTogether(List.of(component));
    }

    /** Blocks until some child exits on its own; returns it, or empty when the stack is being closed. */
    Optional<ChildProcess> awaitUnexpectedExit() {
        List<ChildProcess> watched;
        synchronized (this) {
            watched = List.copyOf(children.values());
        }
        CompletableFuture<?>[] exits = watched.stream().map(child -> child.handle().onExit()).toArray(CompletableFuture[]::new);
        CompletableFuture.anyOf(exits).join();
        return closed.get() ? Optional.empty() : watched.stream().filter(child -> !child.isAlive()).findFirst();
    }

    /** Stops services first (they flush to Kafka and Mongo), then the infrastructure. Safe to call twice. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<ChildProcess> services = new ArrayList<>();
        List<ChildProcess> infrastructure = new ArrayList<>();
        synchronized (this) {
            children.forEach((component, child) -> (component.stopsBeforeInfrastructure() ? services : infrastructure).add(child));
        }
        ChildProcess.stopAll(services, STOP_GRACE);
        ChildProcess.stopAll(infrastructure, STOP_GRACE);
        if (deleteDataDirOnClose) {
            DataDir.delete(dataDir, projectRoot);
        }
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException jvmAlreadyShuttingDown) {
                // the hook is running or about to; close() is idempotent
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackStartupException("interrupted while waiting for the stack to start");
        }
    }

    private static void log(String message) {
        System.out.println("[local-stack] " + message);
    }
}
