package uk.probation.gate.infra.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@link LocalStack#start(StackOptions)} should start and where. Fluent: every method returns this.
 * Defaults: every component, the documented fixed ports, data in {@code <projectRoot>/.local-stack},
 * project root found by walking up from the working directory, 180 s to become healthy.
 */
public final class StackOptions {

    private Path projectRoot;
    private Path dataDir;
    private boolean temporaryDataDir;
    private boolean reset;
    private boolean randomPorts;
    private Duration startupTimeout = Duration.ofSeconds(180);
    private int brokers = 1;
    private int instances = 1;
    private boolean supervision = true;
    private boolean classDataSharing = true;
    private boolean archiveTraining = true;
    private int maxRestarts = 5;
    private Duration restartWindow = Duration.ofMinutes(2);
    private final Set<StackComponent> components = EnumSet.allOf(StackComponent.class);
    private final List<String> allServicesArgs = new ArrayList<>();
    private final Map<StackComponent, List<String>> args = new EnumMap<>(StackComponent.class);
    private final Map<StackComponent, List<String>> jvmOptions = new EnumMap<>(StackComponent.class);

    public static StackOptions defaults() {
        return new StackOptions();
    }

    /**
     * Off: the services and the web app run their boot jar as it was built, without extracting it or training a
     * class-data archive (ADR 0014); on by default.
     */
    public StackOptions withClassDataSharing(boolean classDataSharing) {
        this.classDataSharing = classDataSharing;
        return this;
    }

    /**
     * Off: the services and the web app still run extracted (and from an archive the data directory already has),
     * but the stack trains no class-data archive. For stacks that will not start a service a second time, such as
     * test stacks on a temporary data directory: there a training run (a Spring start of its own per service) is CPU
     * spent for a start that never comes. On by default.
     */
    public StackOptions withArchiveTraining(boolean archiveTraining) {
        this.archiveTraining = archiveTraining;
        return this;
    }

    /** Free ports for every component instead of 9092/27017/9000/8081-8084: what tests should use. */
    public StackOptions withRandomPorts() {
        this.randomPorts = true;
        return this;
    }

    /** A fresh directory under java.io.tmpdir, deleted when the stack is closed. */
    public StackOptions withTemporaryDataDir() {
        this.temporaryDataDir = true;
        this.dataDir = null;
        return this;
    }

    /** Keep data here; it survives closing the stack, so a second stack on the same directory sees it. */
    public StackOptions withDataDir(Path dataDir) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.temporaryDataDir = false;
        return this;
    }

    /** Delete the data directory before starting. */
    public StackOptions withReset() {
        this.reset = true;
        return this;
    }

    public StackOptions withProjectRoot(Path projectRoot) {
        this.projectRoot = projectRoot.toAbsolutePath().normalize();
        return this;
    }

    public StackOptions withStartupTimeout(Duration startupTimeout) {
        this.startupTimeout = startupTimeout;
        return this;
    }

    /** Start just these, e.g. {@code only(KAFKA, MONGO, AUTH)}; services need all three of those to be healthy. */
    public StackOptions only(StackComponent... selected) {
        return only(Arrays.asList(selected));
    }

    public StackOptions only(Collection<StackComponent> selected) {
        components.clear();
        components.addAll(selected);
        return this;
    }

    /** Extra program arguments for one component, e.g. {@code --logging.level.root=DEBUG}; added after the stack's own. */
    public StackOptions withArgs(StackComponent component, String... extra) {
        args.computeIfAbsent(component, key -> new ArrayList<>()).addAll(List.of(extra));
        return this;
    }

    /** Extra program arguments for each of the four services. */
    public StackOptions withArgsForAllServices(String... extra) {
        allServicesArgs.addAll(List.of(extra));
        return this;
    }

    /** Extra JVM options for one component, e.g. {@code -Dsome.property=x} or {@code -Xmx512m}. */
    public StackOptions withJvmOptions(StackComponent component, String... extra) {
        jvmOptions.computeIfAbsent(component, key -> new ArrayList<>()).addAll(List.of(extra));
        return this;
    }

    /**
     * 1 (the default): one Kafka node; 3: a KRaft cluster of three nodes, each broker and controller in its own JVM,
     * topics with three replicas of which two must be in sync.
     */
    public StackOptions withBrokers(int brokers) {
        if (brokers != 1 && brokers != 3) {
            throw new IllegalArgumentException("brokers must be 1 or 3, not " + brokers);
        }
        this.brokers = brokers;
        return this;
    }

    /** How many JVMs of each of the four services (default 1): same database, same consumer groups, own ports. */
    public StackOptions withInstances(int instances) {
        if (instances < 1 || instances > 9) {
            throw new IllegalArgumentException("instances must be 1 to 9, not " + instances);
        }
        this.instances = instances;
        return this;
    }

    /**
     * On (the default): a child that exits without being stopped by the stack is started again, after a back-off,
     * with the same ports and data. Off: it stays down (the rest keep running).
     */
    public StackOptions withSupervision(boolean supervision) {
        this.supervision = supervision;
        return this;
    }

    /**
     * A child restarted more than {@code maxRestarts} times within {@code window} is in a crash loop: the stack says
     * why and stops everything. Default 5 in 2 minutes.
     */
    public StackOptions withCrashLoop(int maxRestarts, Duration window) {
        if (maxRestarts < 0 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a crash loop needs maxRestarts >= 0 and a positive window");
        }
        this.maxRestarts = maxRestarts;
        this.restartWindow = window;
        return this;
    }

    int brokers() {
        return brokers;
    }

    int instances() {
        return instances;
    }

    boolean supervision() {
        return supervision;
    }

    boolean classDataSharing() {
        return classDataSharing;
    }

    boolean archiveTraining() {
        return archiveTraining;
    }

    int maxRestarts() {
        return maxRestarts;
    }

    Duration restartWindow() {
        return restartWindow;
    }

    /** How many JVMs of a component: brokers for Kafka, instances for a service, one of anything else. */
    int instancesOf(StackComponent component) {
        if (component == StackComponent.KAFKA) {
            return brokers;
        }
        return component.isService() ? instances : 1;
    }

    Optional<Path> projectRoot() {
        return Optional.ofNullable(projectRoot);
    }

    Optional<Path> dataDir() {
        return Optional.ofNullable(dataDir);
    }

    boolean temporaryDataDir() {
        return temporaryDataDir;
    }

    boolean reset() {
        return reset;
    }

    boolean randomPorts() {
        return randomPorts;
    }

    Duration startupTimeout() {
        return startupTimeout;
    }

    Set<StackComponent> components() {
        return EnumSet.copyOf(components);
    }

    List<String> argsFor(StackComponent component) {
        List<String> all = new ArrayList<>(component.isService() ? allServicesArgs : List.of());
        all.addAll(args.getOrDefault(component, List.of()));
        return all;
    }

    List<String> jvmOptionsFor(StackComponent component) {
        return List.copyOf(jvmOptions.getOrDefault(component, List.of()));
    }
}
