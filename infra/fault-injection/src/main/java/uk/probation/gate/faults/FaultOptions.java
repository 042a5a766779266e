package uk.probation.gate.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of {@link FaultInjection}: {@code --rounds=100 --brokers=3 --instances=2 --clients=6 --seed=S
 * --report-dir=benchmarks}, and {@code --faults=service,broker,leader} to inject those kinds in that order (cycled)
 * instead of drawing each round's kind at random.
 */
record FaultOptions(int rounds, int brokers, int instances, int clients, long seed, Path reportDir,
        List<FaultKind> faults, Duration load, Duration deadline, Duration maxTime, boolean archiveTraining) {

    static final String USAGE = """
            usage: FaultInjection [--rounds=100] [--brokers=3] [--instances=2] [--clients=6] [--seed=<random>]
                                  [--report-dir=benchmarks] [--faults=service,broker,leader]
                                  [--load-seconds=4] [--deadline-seconds=180] [--max-minutes=M]
                                  [--archive-training=true]
              Starts the whole local stack (brokers x KRaft nodes, instances x each service) on free ports, runs a
              mixed load from --clients threads and, each round, SIGKILLs one random service instance, broker or
              partition leader; checks every accepted command had exactly one effect everywhere; writes
              <report-dir>/fault-injection-<timestamp>.md; exits 1 if anything was lost, duplicated or stuck.
              --max-minutes: start no round after that long (the report says how many ran).
              --archive-training=false: the services' class-data archives are not trained (ADR 0014); for a run of
              a few rounds, where a killed service restarts once at most and would not start from one anyway.""";

    static FaultOptions parse(String... args) {
        int rounds = 100;
        int brokers = 3;
        int instances = 2;
        int clients = 6;
        long seed = System.nanoTime() % 1_000_000;
        Path reportDir = Path.of("benchmarks");
        List<FaultKind> faults = List.of();
        Duration load = Duration.ofSeconds(4);
        Duration deadline = Duration.ofSeconds(180);
        Duration maxTime = null;
        boolean archiveTraining = true;
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            if (kv.length != 2 || !kv[0].startsWith("--")) {
                throw new IllegalArgumentException("not an option: " + arg);
            }
            String value = kv[1];
            switch (kv[0]) {
                case "--rounds" -> rounds = positive(kv[0], value);
                case "--brokers" -> brokers = positive(kv[0], value);
                case "--instances" -> instances = positive(kv[0], value);
                case "--clients" -> clients = positive(kv[0], value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--report-dir" -> reportDir = Path.of(value);
                case "--faults" -> {
                    List<FaultKind> kinds = new ArrayList<>();
                    for (String name : value.split(",")) {
                        kinds.add(FaultKind.fromCliName(name.trim()));
                    }
                    faults = List.copyOf(kinds);
                }
                case "--load-seconds" -> load = Duration.ofSeconds(positive(kv[0], value));
                case "--deadline-seconds" -> deadline = Duration.ofSeconds(positive(kv[0], value));
                case "--max-minutes" -> maxTime = Duration.ofMinutes(positive(kv[0], value));
                case "--archive-training" -> archiveTraining = trueOrFalse(kv[0], value);
                default -> throw new IllegalArgumentException("unknown option " + kv[0]);
            }
        }
        if (brokers != 1 && brokers != 3) {
            throw new IllegalArgumentException("--brokers must be 1 or 3");
        }
        return new FaultOptions(rounds, brokers, instances, clients, seed, reportDir, faults, load, deadline, maxTime,
                archiveTraining);
    }

    private static boolean trueOrFalse(String name, String value) {
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException(name + " must be true or false");
        }
        return Boolean.parseBoolean(value);
    }

    private static int positive(String name, String value) {
        int n = Integer.parseInt(value);
        if (n < 1) {
            throw new IllegalArgumentException(name + " must be at least 1");
        }
        return n;
    }

    /** The command that repeats this run. */
    String commandLine() {
        return "benchmarks/faults.sh --rounds=" + rounds + " --brokers=" + brokers + " --instances=" + instances
                + " --clients=" + clients + " --seed=" + seed + (faults.isEmpty() ? "" : " --faults="
                + String.join(",", faults.stream().map(FaultKind::cliName).toList()))
                + " --load-seconds=" + load.toSeconds() + " --deadline-seconds=" + deadline.toSeconds()
                + (maxTime == null ? "" : " --max-minutes=" + maxTime.toMinutes())
                + (archiveTraining ? "" : " --archive-training=false");
    }

    /** The kind of round {@code round} (1-based): the given sequence cycled, else drawn by the caller. */
    FaultKind fixedKind(int round) {
        return faults.isEmpty() ? null : faults.get((round - 1) % faults.size());
    }
}
