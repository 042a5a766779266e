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
        Optional<ChildProcess> died = stack.awaitUnexpectedExit();
        if (died.isPresent()) {
            System.err.println("[local-stack] " + died.get().failureReport("stopped unexpectedly"));
            stack.close();
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
        StackPorts ports = options.randomPorts() ? StackPorts.random() : StackPorts.defaults();
        requireFreePorts(selected, ports);

        RunningStack stack = new RunningStack(projectRoot, dataDir, options.temporaryDataDir(), ports,
                new LaunchCommands(projectRoot, dataDir, ports, options), options.startupTimeout());
        try {
            stack.startTogether(StackComponent.infrastructure().stream().filter(selected::contains).toList());
            stack.startTogether(StackComponent.services().stream().filter(selected::contains).toList());
            stack.startTogether(StackComponent.frontEnds().stream().filter(selected::contains).toList());
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
            if (!StackPorts.isFree(ports.of(component))) {
                throw new StackStartupException("port " + ports.of(component) + " for " + component.artifactName()
                        + " is in use: is another local stack running? (tests: use withRandomPorts())");
            }
        }
        for (StackComponent component : selected) {
            if (component.hasManagementPort() && !StackPorts.isFree(ports.managementOf(component))) {
                throw new StackStartupException("management port " + ports.managementOf(component) + " for "
                        + component.artifactName() + " is in use: is another local stack running?");
            }
        }
        if (selected.contains(StackComponent.KAFKA) && !StackPorts.isFree(ports.kafkaController())) {
            throw new StackStartupException("Kafka controller port " + ports.kafkaController() + " is in use");
        }
        if (selected.contains(StackComponent.MAIL) && !StackPorts.isFree(ports.mailApi())) {
            throw new StackStartupException("Mail API port " + ports.mailApi() + " is in use");
        }
    }
}
