package uk.probation.gate.infra.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/** Turns the launcher's command-line options into {@link StackOptions}. */
final class CommandLine {

    static final String USAGE = """
            Usage: java -jar infra/local-stack/target/local-stack.jar [options]
              --reset                   delete the data directory first (Kafka topics, Mongo data, signing key, logs)
              --data-dir=DIR            where data and logs live (default <project root>/.local-stack)
              --project-root=DIR        the checkout whose jars to run (default: found from the working directory)
              --only=kafka,mongo,auth   start just these (also: mail, resettlement, community-payback, referral, notifications, web)
              --timeout=SECONDS         how long each component may take to become healthy (default 180)
              --random-ports            free ports instead of 9092/27017/9000/8080-8084 (and management 9080-9084)
              --arg=NAME:ARG            extra argument for one component, e.g. --arg=referral:--logging.level.root=DEBUG
                                        (NAME 'services' means all four services)
              --jvm=NAME:OPTION         extra JVM option for one component, e.g. --jvm=kafka:-Xmx512m
              --brokers=N               1 (default) or 3: a three-node KRaft cluster, replication factor 3, min ISR 2
                                        (brokers on 9092/9094/9096, controllers 9093/9095/9097)
              --instances=N             JVMs of each service (default 1), instance i on port + 100*i (8181.., 9181..)
              --no-supervise            leave a child that exits down instead of restarting it
              --no-cds                  run the services' boot jars as built: no extraction, no class-data archive
                                        (by default they run extracted and, once the stack has trained one in the
                                        background, start from an archive of their classes: ADR 0014)
              --max-restarts=N          restarts of one child within the window before the stack gives up (default 5)
              --restart-window=PT2M     that window, ISO-8601 (default PT2M)
              --simulate[=OPTS]         once up, run the simulator's seeded cohort against it; OPTS are simulator
                                        options separated by commas, e.g. --simulate=--people=80,--seed=7
              --help                    this text
            """;

    private CommandLine() {
    }

    static StackOptions parse(String... args) {
        StackOptions options = StackOptions.defaults();
        for (String arg : args) {
            String value = arg.substring(arg.indexOf('=') + 1);
            if (arg.equals("--reset")) {
                options.withReset();
            } else if (arg.equals("--random-ports")) {
                options.withRandomPorts();
            } else if (arg.startsWith("--data-dir=")) {
                options.withDataDir(Path.of(value));
            } else if (arg.startsWith("--project-root=")) {
                options.withProjectRoot(Path.of(value));
            } else if (arg.startsWith("--only=")) {
                options.only(Arrays.stream(value.split(",")).map(StackComponent::fromCliName).toList());
            } else if (arg.startsWith("--timeout=")) {
                options.withStartupTimeout(Duration.ofSeconds(Long.parseLong(value)));
            } else if (arg.startsWith("--brokers=")) {
                options.withBrokers(Integer.parseInt(value));
            } else if (arg.startsWith("--instances=")) {
                options.withInstances(Integer.parseInt(value));
            } else if (arg.equals("--no-supervise")) {
                options.withSupervision(false);
            } else if (arg.equals("--no-cds")) {
                options.withClassDataSharing(false);
            } else if (arg.startsWith("--max-restarts=")) {
                options.withCrashLoop(Integer.parseInt(value), options.restartWindow());
            } else if (arg.startsWith("--restart-window=")) {
                options.withCrashLoop(options.maxRestarts(), Duration.parse(value));
            } else if (arg.startsWith("--arg=")) {
                addPerComponent(value, options, true);
            } else if (arg.startsWith("--jvm=")) {
                addPerComponent(value, options, false);
            } else {
                throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        return options;
    }

    private static void addPerComponent(String value, StackOptions options, boolean programArg) {
        int colon = value.indexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("expected NAME:VALUE, got " + value);
        }
        String name = value.substring(0, colon);
        String extra = value.substring(colon + 1);
        if (name.equals("services") && programArg) {
            options.withArgsForAllServices(extra);
        } else if (name.equals("services")) {
            StackComponent.services().forEach(service -> options.withJvmOptions(service, extra));
        } else if (programArg) {
            options.withArgs(StackComponent.fromCliName(name), extra);
        } else {
            options.withJvmOptions(StackComponent.fromCliName(name), extra);
        }
    }
}
