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
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A started local stack: the ports and addresses it actually uses, and its child processes, one per instance of each
 * component (several brokers, several instances of a service). A child that exits without the stack stopping it is
 * restarted by the supervisor with a back-off, unless supervision is off; a crash loop stops the whole stack.
 * {@link #close()} (or JVM shutdown) stops every child; a temporary data directory is then deleted.
 */
public final class RunningStack implements AutoCloseable {

    /** Spring Boot's graceful shutdown takes a few seconds; Kafka flushes its log. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration FIRST_BACK_OFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACK_OFF = Duration.ofSeconds(30);
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final Path projectRoot;
    private final Path dataDir;
    private final boolean deleteDataDirOnClose;
    private final StackPorts ports;
    private final LaunchCommands commands;
    private final Duration startupTimeout;
    private final boolean supervision;
    private final boolean archiveTraining;
    private final int maxRestarts;
    private final Duration restartWindow;
    /** Every instance of every component started, in start order. */
    private final Map<Key, Slot> children = new LinkedHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile String crashLoop;
    private final List<String> console = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService supervisor = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "local-stack-supervisor");
        thread.setDaemon(true);
        return thread;
    });
    private final Thread shutdownHook = new Thread(this::close, "local-stack-shutdown");
    /** Training runs of the class-data archives (ADR 0014), one at a time, after the stack or a restart is up. */
    private final ExecutorService trainer = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "local-stack-cds");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Slot> training = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** One instance of one component: instance 0 of a service, broker 2 of Kafka, ... */
    private record Key(StackComponent component, int instance) {
    }

    /** The runs of one instance: the current one, and what the supervisor did with the earlier ones. */
    private static final class Slot {
        final ChildSpec spec;
        volatile ChildProcess current;
        /** The current run was seen ready (by the start, a restart or the supervisor). */
        volatile boolean ready;
        /** The stack itself is stopping this run (restart, close): its exit is expected. */
        volatile boolean stopping;
        /** Its first run was ready: from then on an exit is the supervisor's business, not a failed start. */
        volatile boolean supervised;
        int restarts;
        final Deque<Instant> recentRestarts = new ArrayDeque<>();

        Slot(ChildSpec spec) {
            this.spec = spec;
        }
    }

    RunningStack(Path projectRoot, Path dataDir, boolean deleteDataDirOnClose, StackPorts ports,
                 LaunchCommands commands, StackOptions options) {
        this.projectRoot = projectRoot;
        this.dataDir = dataDir;
        this.deleteDataDirOnClose = deleteDataDirOnClose;
        this.ports = ports;
        this.commands = commands;
        this.startupTimeout = options.startupTimeout();
        this.supervision = options.supervision();
        this.archiveTraining = options.archiveTraining();
        this.maxRestarts = options.maxRestarts();
        this.restartWindow = options.restartWindow();
        // Ctrl-C, or a test JVM ending without close(), must not leave brokers and services behind
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Launches every instance of the components at once, then waits until each is ready. */
    void startTogether(Collection<StackComponent> tier) {
        List<Slot> launched = new ArrayList<>();
        for (StackComponent component : tier) {
            for (int instance = 0; instance < ports.instances(component); instance++) {
                launched.add(launch(component, instance));
            }
        }
        awaitFirstReady(launched);
    }

    /**
     * Starts the services: one at a time when every instance has its class-data archive, else together (ADR 0014).
     * With archives each is ready in 3-5 s one at a time, where four launched together on two cores each took 12-19
     * s, and the last is ready no later. Without (a fresh data directory, as in the tests) each needs about 7
     * CPU-seconds, and together the whole stack is up 7-10 s sooner.
     */
    void startServices(Collection<StackComponent> tier) {
        boolean archived = true;
        for (StackComponent component : tier) {
            for (int instance = 0; instance < ports.instances(component); instance++) {
                archived &= AppCds.hasArchive(commands.specFor(component, instance));
            }
        }
        if (archived) {
            startInTurn(tier);
        } else {
            startTogether(tier);
        }
    }

    /** Launches the instances one at a time, each once the one before is ready. */
    void startInTurn(Collection<StackComponent> tier) {
        for (StackComponent component : tier) {
            for (int instance = 0; instance < ports.instances(component); instance++) {
                awaitFirstReady(List.of(launch(component, instance)));
            }
        }
    }

    private Slot launch(StackComponent component, int instance) {
        ChildSpec spec = commands.specFor(component, instance);
        log("starting " + spec.name() + " on 127.0.0.1:" + port(component, instance) + ", log " + spec.logFile());
        Slot slot = new Slot(spec);
        slot.current = ChildProcess.launch(spec);
        synchronized (this) {
            if (closed.get()) {
                // close() has already taken its list of children: this one would be left running
                ChildProcess.stopAll(List.of(slot.current), Duration.ZERO);
                throw new StackStartupException("stopped while starting " + spec.name());
            }
            children.put(new Key(component, instance), slot);
        }
        watch(slot, slot.current);
        return slot;
    }

    private void awaitFirstReady(List<Slot> launched) {
        Instant deadline = Instant.now().plus(startupTimeout);
        Set<Slot> pending = new LinkedHashSet<>(launched);
        while (!pending.isEmpty()) {
            for (Slot slot : List.copyOf(pending)) {
                ChildProcess child = slot.current;
                if (closed.get()) {
                    throw new StackStartupException("stopped while starting " + child.name());
                }
                if (!child.isAlive()) {
                    throw new StackStartupException(child.failureReport("exited before it was ready"));
                }
                if (child.isReady()) {
                    log(child.name() + " ready after " + seconds(child.uptime()) + " s");
                    slot.ready = true;
                    slot.supervised = true;
                    pending.remove(slot);
                }
            }
            if (!pending.isEmpty() && Instant.now().isAfter(deadline)) {
                throw new StackStartupException(pending.iterator().next().current
                        .failureReport("not ready after " + startupTimeout.toSeconds() + " s"));
            }
            if (!pending.isEmpty()) {
                pause();
            }
        }
    }

    /**
     * For each instance that runs extracted but has no class-data archive yet (a fresh data directory, a rebuilt
     * jar), a training run in the background, one after the other and at the lowest CPU priority: the next start or
     * restart of that instance maps its classes from the archive (ADR 0014). Nothing waits for it.
     */
    void trainArchives() {
        List<Slot> slots;
        synchronized (this) {
            slots = List.copyOf(children.values());
        }
        for (Slot slot : slots) {
            if (closed.get() || !archiveTraining || !slot.spec.classDataSharing() || !AppCds.needsTraining(slot.spec)
                    || !training.add(slot)) {
                continue;
            }
            try {
                trainer.execute(() -> train(slot));
            } catch (java.util.concurrent.RejectedExecutionException stackClosing) {
                training.remove(slot);
            }
        }
    }

    /**
     * Waits until no class-data archive is being trained (a benchmark measures nothing while a training run takes
     * CPU); false if one still is after {@code timeout}.
     */
    public boolean awaitArchivesTrained(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!training.isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            Thread.sleep(200);
        }
        return true;
    }

    private void train(Slot slot) {
        try {
            if (closed.get() || !AppCds.needsTraining(slot.spec)) {
                return;
            }
            Instant start = Instant.now();
            Path trainingLog = commands.logsDir().resolve(slot.spec.name() + "-cds.log");
            if (AppCds.train(slot.spec, trainingLog)) {
                log("class-data archive of " + slot.spec.name() + " ready for its next start (trained in "
                        + seconds(Duration.between(start, Instant.now())) + " s)");
            } else if (!closed.get()) {
                log("no class-data archive for " + slot.spec.name() + " (it starts without one); see " + trainingLog);
            }
        } catch (InterruptedException stackClosing) {
            Thread.currentThread().interrupt();
        } finally {
            training.remove(slot);
        }
    }

    /** Hands the run's exit to the supervisor. */
    private void watch(Slot slot, ChildProcess child) {
        child.onExit().thenRunAsync(() -> exited(slot, child), supervisor);
    }

    /**
     * A run ended. Expected (close, restart) or before the stack was up: nothing to do here. Otherwise it crashed or
     * was killed: say so and, with supervision, start it again after a back-off that doubles with each restart in the
     * crash-loop window; more restarts than that window allows and the stack gives up and stops.
     */
    private void exited(Slot slot, ChildProcess child) {
        String why;
        Duration delay;
        int restart;
        synchronized (this) {
            if (closed.get() || slot.current != child || slot.stopping || !slot.supervised) {
                return;
            }
            slot.ready = false;
            String exit = child.name() + " exited unexpectedly (exit code " + child.exitCode() + ")";
            if (!supervision) {
                log(exit + "; supervision is off, it stays down");
                return;
            }
            Instant now = Instant.now();
            while (!slot.recentRestarts.isEmpty() && slot.recentRestarts.peekFirst().isBefore(now.minus(restartWindow))) {
                slot.recentRestarts.removeFirst();
            }
            if (slot.recentRestarts.size() >= maxRestarts) {
                why = exit + " after " + slot.recentRestarts.size() + " restarts within " + restartWindow
                        + " (at most " + maxRestarts + " allowed): a crash loop, stopping everything";
                crashLoop = why;
                delay = null;
                restart = 0;
            } else {
                slot.recentRestarts.addLast(now);
                slot.restarts++;
                restart = slot.restarts;
                long factor = 1L << Math.min(20, slot.recentRestarts.size() - 1);
                delay = FIRST_BACK_OFF.multipliedBy(factor).compareTo(MAX_BACK_OFF) > 0
                        ? MAX_BACK_OFF : FIRST_BACK_OFF.multipliedBy(factor);
                log(exit + ", restarting in " + delay.toSeconds() + "s (restart " + restart + ")");
                why = null;
            }
        }
        if (why != null) {
            log(why + "; last lines of " + child.spec().logFile() + ":\n" + child.logTail());
            close();
            return;
        }
        sleep(delay);
        relaunch(slot, child, restart);
    }

    /** The supervisor's restart: same command, ports and data; says when the new run is ready. */
    private void relaunch(Slot slot, ChildProcess exited, int restart) {
        ChildProcess child;
        synchronized (this) {
            // a restart() during the back-off has already started a new run
            if (closed.get() || slot.stopping || slot.current != exited) {
                return;
            }
            try {
                child = ChildProcess.launch(slot.spec);
            } catch (RuntimeException cannotStart) {
                log(slot.spec.name() + " could not be restarted: " + cannotStart.getMessage());
                return;
            }
            // not ready before it is current: awaitReady must never pair the new run with the old run's ready
            slot.ready = false;
            slot.current = child;
        }
        watch(slot, child);
        Instant deadline = Instant.now().plus(startupTimeout);
        while (!closed.get() && slot.current == child && child.isAlive()) {
            if (child.isReady()) {
                slot.ready = true;
                log(child.name() + " restarted, ready after " + seconds(child.uptime()) + "s (restart " + restart + ")");
                trainArchives();
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                log(child.name() + " not ready " + startupTimeout.toSeconds() + " s after its restart: killing it");
                child.handle().destroyForcibly();
                return;
            }
            if (!sleep(POLL)) {
                return;
            }
        }
        // it died before it was ready: its exit comes to exited() like any other
    }

    /** The port a component listens on (the default, or the random one chosen at start); instance 0, broker 0. */
    public int port(StackComponent component) {
        return ports.of(component);
    }

    /** The port instance {@code instance} (0-based) listens on; for Kafka, broker {@code instance}. */
    public int port(StackComponent component, int instance) {
        return ports.of(component, instance);
    }

    /** The management (actuator) port of a service or the web app: health and prometheus answer there only. */
    public int managementPort(StackComponent component) {
        return ports.managementOf(component);
    }

    public int managementPort(StackComponent component, int instance) {
        return ports.managementOf(component, instance);
    }

    /** e.g. {@code http://127.0.0.1:9083} for {@link StackComponent#REFERRAL}: /actuator/health, /actuator/prometheus. */
    public URI managementUrl(StackComponent component) {
        return managementUrl(component, 0);
    }

    /** The actuator base of instance {@code instance} (0-based). */
    public URI managementUrl(StackComponent component, int instance) {
        return URI.create("http://127.0.0.1:" + managementPort(component, instance));
    }

    /** How many JVMs of a component: brokers for Kafka, instances for a service, 1 for the rest. */
    public int instances(StackComponent component) {
        return ports.instances(component);
    }

    /** For {@code bootstrap.servers}: every broker, e.g. {@code 127.0.0.1:9092,127.0.0.1:9094,127.0.0.1:9096}. */
    public String kafkaBootstrapServers() {
        return commands.kafkaBootstrapServers();
    }

    /** The client port of broker {@code broker} (0-based). */
    public int brokerPort(int broker) {
        return ports.of(StackComponent.KAFKA, broker);
    }

    /** The KRaft node id of broker {@code broker} (0-based): {@code broker + 1}. */
    public int brokerNodeId(int broker) {
        if (broker < 0 || broker >= instances(StackComponent.KAFKA)) {
            throw new IllegalArgumentException("no broker " + broker);
        }
        return broker + 1;
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

    /** e.g. {@code http://127.0.0.1:8083} for {@link StackComponent#REFERRAL}; instance 0. */
    public URI baseUrl(StackComponent component) {
        return baseUrl(component, 0);
    }

    /** The API base of instance {@code instance} (0-based). */
    public URI baseUrl(StackComponent component, int instance) {
        return URI.create("http://127.0.0.1:" + port(component, instance));
    }

    /** Every instance's API base, instance 0 first. */
    public List<URI> baseUrls(StackComponent component) {
        List<URI> urls = new ArrayList<>();
        for (int i = 0; i < instances(component); i++) {
            urls.add(baseUrl(component, i));
        }
        return urls;
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

    /** The log of instance 0 (Kafka: the first broker). */
    public Path logFile(StackComponent component) {
        return logFile(component, 0);
    }

    /** The log instance {@code instance} writes, appended to across its restarts. */
    public Path logFile(StackComponent component, int instance) {
        return commands.logFile(component, instance);
    }

    /** What this stack started, in start order. */
    public synchronized Set<StackComponent> components() {
        Set<StackComponent> started = EnumSet.noneOf(StackComponent.class);
        children.keySet().forEach(key -> started.add(key.component()));
        return started;
    }

    /** The child process of a component (instance 0), e.g. to check it is gone after {@link #close()}. */
    public synchronized Optional<ProcessHandle> process(StackComponent component) {
        return Optional.ofNullable(children.get(new Key(component, 0))).map(slot -> slot.current.handle());
    }

    /** The live JVM of that instance: after a restart, the new one. */
    public ProcessHandle process(StackComponent component, int instance) {
        return slot(component, instance).current.handle();
    }

    /**
     * SIGKILL to that JVM and nothing else, as a crash would; returns once it is gone. With supervision on, the
     * supervisor restarts it (same ports, same data) like any crash: {@link #awaitReady} waits for that.
     */
    public void kill(StackComponent component, int instance) {
        ProcessHandle victim = process(component, instance);
        victim.destroyForcibly();
        try {
            victim.onExit().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(victim.pid() + " did not die after SIGKILL", e);
        }
    }

    /**
     * Blocks until that instance runs and is ready: after a kill, a run started after it that has become ready
     * (log readiness line of the new run, or health UP). Throws if that does not happen within the timeout.
     */
    public void awaitReady(StackComponent component, int instance, Duration timeout) {
        Slot slot = slot(component, instance);
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            ChildProcess child = slot.current;
            if (slot.ready && child.isAlive()) {
                return;
            }
            if (closed.get()) {
                throw new StackStartupException("the stack stopped while waiting for " + slot.spec.name()
                        + (crashLoop == null ? "" : ": " + crashLoop));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new StackStartupException(child.failureReport("not ready after " + timeout.toSeconds() + " s"));
            }
            pause();
        }
    }

    /** How many times the supervisor restarted that instance. */
    public int restarts(StackComponent component, int instance) {
        Slot slot = slot(component, instance);
        synchronized (this) {
            return slot.restarts;
        }
    }

    /**
     * Stops one component (instance 0) and starts it again with the same ports and data, waiting until it is ready.
     * A jar rebuilt since the start is picked up, so: edit, {@code ./mvnw -pl referral-service package}, restart.
     */
    public void restart(StackComponent component) {
        restart(component, 0);
    }

    /** Graceful stop (SIGTERM) of that instance and a start on the same ports and data; waits until it is ready. */
    public void restart(StackComponent component, int instance) {
        Slot slot = slot(component, instance);
        synchronized (slot) {
            slot.stopping = true;
            slot.ready = false;
            try {
                ChildProcess.stopAll(List.of(slot.current), STOP_GRACE);
                ChildProcess child;
                synchronized (this) {
                    if (closed.get()) {
                        throw new StackStartupException("the stack is stopped");
                    }
                    child = ChildProcess.launch(slot.spec);
                    slot.ready = false;
                    slot.current = child;
                }
                log("restarting " + child.name() + " on 127.0.0.1:" + port(component, instance));
                watch(slot, child);
                Instant deadline = Instant.now().plus(startupTimeout);
                while (!child.isReady()) {
                    if (closed.get()) {
                        throw new StackStartupException("stopped while restarting " + child.name());
                    }
                    if (!child.isAlive()) {
                        throw new StackStartupException(child.failureReport("exited before it was ready"));
                    }
                    if (Instant.now().isAfter(deadline)) {
                        throw new StackStartupException(child.failureReport("not ready after "
                                + startupTimeout.toSeconds() + " s"));
                    }
                    pause();
                }
                log(child.name() + " ready after " + seconds(child.uptime()) + " s");
                slot.ready = true;
                slot.supervised = true;
            } finally {
                slot.stopping = false;
            }
            // a rebuilt jar was extracted afresh: its archive is made again
            trainArchives();
        }
    }

    private synchronized Slot slot(StackComponent component, int instance) {
        Slot slot = children.get(new Key(component, instance));
        if (slot == null) {
            throw new IllegalArgumentException(component + " instance " + instance + " is not part of this stack");
        }
        return slot;
    }

    /**
     * Blocks until the stack is stopped: by {@link #close()} (Ctrl-C), or by the supervisor giving up on a crash loop,
     * whose reason it returns.
     */
    Optional<String> awaitStopped() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.ofNullable(crashLoop);
    }

    /** Whether the stack is stopped (or stopping); with the crash loop that stopped it, if that was why. */
    boolean isClosed() {
        return closed.get();
    }

    Optional<String> crashLoop() {
        return Optional.ofNullable(crashLoop);
    }

    /** Whether a child that exits is restarted. */
    public boolean supervised() {
        return supervision;
    }

    /** Every line the stack printed, for tests. */
    List<String> consoleLines() {
        synchronized (console) {
            return List.copyOf(console);
        }
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
            // closed is set: the supervisor launches nothing more, so this list is complete
            children.forEach((key, slot) -> (key.component().stopsBeforeInfrastructure() ? services : infrastructure)
                    .add(slot.current));
        }
        // no interrupt: close() may run on a supervisor thread (a crash loop); a back-off that wakes finds closed set
        supervisor.shutdown();
        // interrupts a training run, which kills its JVM
        trainer.shutdownNow();
        try {
            ChildProcess.stopAll(services, STOP_GRACE);
            ChildProcess.stopAll(infrastructure, STOP_GRACE);
            if (deleteDataDirOnClose) {
                DataDir.delete(dataDir, projectRoot);
            }
        } finally {
            stopped.countDown();
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

    /** Sleeps; false when interrupted (the stack is closing). */
    private static boolean sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String seconds(Duration duration) {
        return String.valueOf(duration.toMillis() / 100 / 10.0);
    }

    private void log(String message) {
        console.add(message);
        System.out.println("[local-stack] " + message);
    }
}
