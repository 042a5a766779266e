package uk.probation.gate.infra.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the whole system on one machine without Docker: a real Kafka broker, the MongoDB wire server,
 * the OAuth2 authorization server, then the four services, then the web application, each as its own {@code java -jar} child
 * process logging to {@code DATA/logs/<artifact>.log}. Each runs a copy of its jar (DATA/jars), so rebuilding
 * while the stack runs breaks nothing; {@link RunningStack#restart} picks the new jar up.
 *
 * <h2>From the command line</h2>
 * {@code ./run-local.sh} (builds if needed), or
 * {@code java -jar infra/local-stack/target/local-stack.jar [--reset] [--data-dir=DIR] [--only=kafka,mongo,auth]};
 * {@code --help} lists every option. Ctrl-C stops every child.
 *
 * <h2>From a test</h2>
 * The jars must be built first ({@code ./mvnw -B -DskipTests install}; this module is last in the reactor).
 * <pre>{@code
 * try (RunningStack stack = LocalStack.start(StackOptions.defaults()
 *         .withRandomPorts()                 // never the developer's 9092/27017/9000/808x
 *         .withTemporaryDataDir()            // deleted on close()
 *         .withArgs(StackComponent.REFERRAL, "--logging.level.uk.probation=DEBUG"))) {
 *
 *     String bearer = stack.accessToken("caseworker");               // or "provider-sova", "admin", ... (fresh, 10 min)
 *     URI metrics = stack.managementUrl(StackComponent.REFERRAL).resolve("/actuator/prometheus");
 *     URI cases = stack.baseUrl(StackComponent.RESETTLEMENT).resolve("/api/cases");
 *     String bootstrap = stack.kafkaBootstrapServers();              // "127.0.0.1:<port>"
 *     String mongo = stack.mongoUri("referral");                     // "mongodb://127.0.0.1:<port>/referral"
 *     stack.restart(StackComponent.REFERRAL);                        // same ports and data, waits until healthy
 * }                                                                  // every child process stopped here
 * }</pre>
 * <h2>Cluster, instances, supervision</h2>
 * {@code withBrokers(3)} runs a three-node KRaft cluster (each node broker and controller, topics with three replicas,
 * two in sync), {@code withInstances(2)} two JVMs of each service on their own ports (instance i: port + 100i), same
 * database and consumer groups. A child that exits without being stopped is restarted with a back-off (1 s, 2 s,
 * 4 s ... 30 s) on the same ports and data; more than {@code withCrashLoop} restarts of one child in the window and
 * the stack stops everything ({@code main} exits 1). {@link RunningStack#kill} and {@link RunningStack#awaitReady}
 * let a test crash one and wait for its return.
 * <p>
 * {@code start} returns once every component is ready (Kafka and Mongo print their READY line, the rest
 * answer {@code /actuator/health} on their management port with UP, the auth server serves its key set). If one dies or is not ready within the timeout, everything
 * already started is stopped and a {@link StackStartupException} carries the tail of that component's log.
 */
public final class LocalStack {

    private LocalStack() {
    }

    public static void main(String[] args) {
        if (List.of(args).contains("--help")) {
            System.out.println(CommandLine.USAGE);
            return;
        }
        List<String> simulate = Simulation.simulatorArgs(args);
        RunningStack stack;
        try {
            stack = start(CommandLine.parse(Simulation.withoutSimulate(args)));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n\n" + CommandLine.USAGE);
            System.exit(2);
            return;
        } catch (StackStartupException e) {
            System.err.println("[local-stack] could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        StackSummary.print(stack, System.out);
        if (simulate != null) {
            try {
                int exit = Simulation.run(stack, simulate);
                System.out.println("[local-stack] simulator finished (exit " + exit + "); record in "
                        + stack.dataDir().resolve("simulation-record.json") + "; the stack keeps running");
            } catch (java.io.IOException | StackStartupException e) {
                System.err.println("[local-stack] simulator could not run: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // a child that exits is the supervisor's to restart; the stack ends on Ctrl-C or a crash loop
        Optional<String> crashLoop = stack.awaitStopped();
        if (crashLoop.isPresent()) {
            System.err.println("[local-stack] gave up: " + crashLoop.get());
            System.exit(1);
        }
    }

    /** Starts what the options ask for and returns once all of it is ready; see the class comment. */
    public static RunningStack start(StackOptions options) {
        Path projectRoot = options.projectRoot().orElseGet(() -> ProjectRoot.findFrom(Path.of("")));
        Path dataDir = dataDir(options, projectRoot);
        if (options.reset()) {
            DataDir.delete(dataDir, projectRoot);
        }
        Set<StackComponent> selected = options.components();
        requireJars(selected, projectRoot);
        StackPorts ports = options.randomPorts() ? StackPorts.random(options.brokers(), options.instances())
                : StackPorts.defaults(options.brokers(), options.instances());
        requireFreePorts(selected, ports);

        RunningStack stack = new RunningStack(projectRoot, dataDir, options.temporaryDataDir(), ports,
                new LaunchCommands(projectRoot, dataDir, ports, options), options);
        try {
            stack.startTogether(StackComponent.infrastructure().stream().filter(selected::contains).toList());
            stack.startServices(StackComponent.services().stream().filter(selected::contains).toList());
            stack.startTogether(StackComponent.frontEnds().stream().filter(selected::contains).toList());
            stack.trainArchives();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private static Path dataDir(StackOptions options, Path projectRoot) {
        if (options.temporaryDataDir()) {
            try {
                return Files.createTempDirectory("local-stack-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return options.dataDir().orElse(projectRoot.resolve(".local-stack"));
    }

    private static void requireJars(Set<StackComponent> selected, Path projectRoot) {
        List<Path> missing = selected.stream().map(component -> component.jar(projectRoot)).filter(Files::notExists).toList();
        if (!missing.isEmpty()) {
            throw new StackStartupException("missing " + missing + "; build them first: ./mvnw -B -DskipTests install");
        }
    }

    private static void requireFreePorts(Set<StackComponent> selected, StackPorts ports) {
        for (StackComponent component : selected) {
            for (int instance = 0; instance < ports.instances(component); instance++) {
                requireFree(ports.of(component, instance), "port", component, instance);
                if (component.hasManagementPort()) {
                    requireFree(ports.managementOf(component, instance), "management port", component, instance);
                }
                if (component == StackComponent.KAFKA) {
                    requireFree(ports.kafkaController(instance), "Kafka controller port", component, instance);
                }
            }
        }
        if (selected.contains(StackComponent.MAIL)) {
            requireFree(ports.mailApi(), "Mail API port", StackComponent.MAIL, 0);
        }
    }

    private static void requireFree(int port, String what, StackComponent component, int instance) {
        if (!StackPorts.isFree(port)) {
            throw new StackStartupException(what + " " + port + " for " + component.artifactName()
                    + (instance == 0 ? "" : " instance " + (instance + 1))
                    + " is in use: is another local stack running? (tests: use withRandomPorts())");
        }
    }
}
