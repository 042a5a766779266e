package uk.probation.gate.faults;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import uk.probation.gate.infra.stack.StackComponent;

/**
 * Randomised faults against the whole local stack under a mixed load (issue #13). Each round: the clients send
 * chains of commands, one JVM is SIGKILLed (a service instance, a broker, or a partition's leader), the supervisor
 * brings it back, the clients finish what they started, and every accepted command's effects are counted in every
 * downstream service. Run with {@code benchmarks/faults.sh}; see {@link FaultOptions#USAGE}.
 */
public final class FaultInjection {

    /** How long a round waits, after its load has finished, for every effect to appear and lag to reach zero. */
    private static final Duration CATCH_UP = Duration.ofSeconds(120);
    /** After everything is there: a moment for a late duplicate to show before the final count. */
    private static final Duration SETTLE = Duration.ofSeconds(2);
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

    private final FaultOptions options;
    private final PrintStream out;

    private FaultInjection(FaultOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) {
        FaultOptions options;
        try {
            options = FaultOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n\n" + FaultOptions.USAGE);
            System.exit(2);
            return;
        }
        Report.Run run = run(options, System.out);
        try {
            Path file = write(run, options.reportDir());
            System.out.println("Report written to " + file);
        } catch (IOException e) {
            System.err.println("cannot write the report: " + e.getMessage());
            System.exit(1);
        }
        System.exit(run.passed() ? 0 : 1);
    }

    static Path write(Report.Run run, Path reportDir) throws IOException {
        Files.createDirectories(reportDir);
        Path file = reportDir.resolve("fault-injection-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(ZoneOffset.UTC).format(run.startedAt()) + ".md");
        Files.writeString(file, Report.markdown(run));
        return file;
    }

    /** What a caller may still do with the running system once the rounds are over (tests: probe the checks). */
    interface AfterRounds {
        void accept(Cluster cluster, Api api, Observer observer, Load load);
    }

    /** Starts the stack, runs every round, stops the stack; the figures for the report. */
    static Report.Run run(FaultOptions options, PrintStream out) {
        return run(options, out, (cluster, api, observer, load) -> { });
    }

    static Report.Run run(FaultOptions options, PrintStream out, AfterRounds afterRounds) {
        return new FaultInjection(options, out).run(afterRounds);
    }

    private Report.Run run(AfterRounds afterRounds) {
        Instant startedAt = Instant.now();
        log("seed " + options.seed() + ", " + options.rounds() + " rounds, " + options.brokers() + " broker(s), "
                + options.instances() + " instance(s) of each service, " + options.clients() + " clients");
        try (Cluster cluster = Cluster.start(options)) {
            Duration stackStart = Duration.between(startedAt, Instant.now());
            log("stack ready after " + stackStart.toSeconds() + " s (" + cluster.shape() + "), data in "
                    + cluster.dataDir());
            Api api = new Api(cluster, options.deadline());
            Random faults = new Random(options.seed());
            Load load = new Load(api, options.clients(), options.seed(), options.deadline());
            try (KafkaWatch kafka = new KafkaWatch(cluster.bootstrapServers());
                 Observer observer = new Observer(api, cluster.mailApi())) {
                load.setUp();
                Map<String, Long> deadLettersAtStart = kafka.retried(kafka::deadLetters);
                Map<String, Long> deadLetters = deadLettersAtStart;
                List<RoundResult> rounds = new ArrayList<>();
                for (int round = 1; round <= options.rounds(); round++) {
                    if (options.maxTime() != null && Instant.now().isAfter(startedAt.plus(options.maxTime()))) {
                        log("--max-minutes=" + options.maxTime().toMinutes() + " reached: no round after " + (round - 1));
                        break;
                    }
                    RoundResult result = round(round, cluster, load, kafka, observer, faults, deadLetters);
                    deadLetters = kafka.retried(kafka::deadLetters);
                    rounds.add(result);
                    log(String.format("round %d: %s %s, ready %ss, caught up %s, %d chains, %d commands, %d effects: "
                                    + "%d lost, %d duplicated, %d stuck, %d refused, %d dead letters", round,
                            result.kind().cliName(), result.target(), Report.seconds(result.readyAfter()),
                            result.caughtUp() ? Report.seconds(result.caughtUpAfter()) + "s" : "NOT",
                            result.chains(), result.commands(), result.verdict().checked(),
                            result.verdict().lost().size(), result.verdict().duplicated().size(),
                            result.stuck().size(), result.refused().size(), result.deadLetterGrowth()));
                    result.verdict().lost().forEach(m -> log("  LOST " + m));
                    result.verdict().duplicated().forEach(m -> log("  DUPLICATED " + m));
                    result.stuck().forEach(c -> log("  STUCK " + c.describe()));
                    result.refused().forEach(c -> log("  REFUSED " + c.describe()));
                    // the report so far, rewritten after every round: a run stopped from outside leaves its figures
                    writeQuietly(figures(cluster, kafka, load, startedAt, stackStart, rounds, deadLettersAtStart,
                            null, false));
                }
                load.close();
                afterRounds.accept(cluster, api, observer, load);
                boolean passed = rounds.stream().allMatch(RoundResult::clean);
                String kept = passed ? null : keepLogs(cluster.dataDir());
                return figures(cluster, kafka, load, startedAt, stackStart, rounds, deadLettersAtStart, kept, true);
            }
        }
    }

    private Report.Run figures(Cluster cluster, KafkaWatch kafka, Load load, Instant startedAt, Duration stackStart,
            List<RoundResult> rounds, Map<String, Long> deadLettersAtStart, String keptLogs, boolean finished) {
        Map<Command.Result, Long> byResult = new TreeMap<>();
        Map<String, Long> byKind = new TreeMap<>();
        for (Chain chain : load.chains()) {
            for (Command command : chain.commands) {
                byResult.merge(command.result(), 1L, Long::sum);
                byKind.merge(command.kind(), 1L, Long::sum);
            }
        }
        return new Report.Run(cluster.shape(), options.seed(), options.clients(), startedAt, stackStart,
                Duration.between(startedAt, Instant.now()), List.copyOf(rounds), Report.sorted(deadLettersAtStart),
                Report.sorted(kafka.retried(kafka::deadLetters)), Report.sorted(kafka.retried(kafka::lag)), byResult,
                byKind, cluster.dataDir().toString(), keptLogs, options.commandLine(), options.rounds(), finished);
    }

    private void writeQuietly(Report.Run soFar) {
        try {
            write(soFar, options.reportDir());
        } catch (IOException | RuntimeException e) {
            log("could not write the report so far: " + e.getMessage());
        }
    }

    private RoundResult round(int round, Cluster cluster, Load load, KafkaWatch kafka, Observer observer,
            Random faults, Map<String, Long> deadLettersBefore) {
        awaitFullReplication(kafka);
        Instant roundStart = Instant.now();
        FaultKind kind = options.fixedKind(round) != null ? options.fixedKind(round)
                : FaultKind.values()[faults.nextInt(FaultKind.values().length)];
        Duration loadBeforeKill = Duration.ofMillis(1_000 + faults.nextInt((int) options.load().toMillis()));
        // the target is drawn before the load starts, so the seed alone decides it
        StackComponent component;
        int instance;
        String target;
        switch (kind) {
            case SERVICE -> {
                component = Cluster.SERVICES.get(faults.nextInt(Cluster.SERVICES.size()));
                instance = faults.nextInt(cluster.instances(component));
                target = component.artifactName() + (cluster.instances(component) > 1 ? "#" + (instance + 1) : "");
            }
            case BROKER -> {
                component = StackComponent.KAFKA;
                instance = faults.nextInt(cluster.brokers());
                target = "broker " + (instance + 1);
            }
            default -> {
                component = StackComponent.KAFKA;
                KafkaWatch.Leader leader = kafka.leaderOfRandomPartition(faults);
                instance = cluster.brokerIndexOfNode(leader.nodeId());
                target = "broker " + (instance + 1) + " (leader of " + leader.topic() + "-" + leader.partition() + ")";
            }
        }
        int restartsBefore = cluster.restarts(component, instance);
        load.start(round);
        Api.sleep(loadBeforeKill.toMillis());
        Instant killedAt = Instant.now();
        cluster.kill(component, instance);
        cluster.awaitReady(component, instance, READY_TIMEOUT);
        Duration readyAfter = Duration.between(killedAt, Instant.now());
        // a little load on the restarted JVM too
        Api.sleep(1_000);
        load.drain();
        Duration drainedAfter = Duration.between(killedAt, Instant.now());
        int restarts = cluster.restarts(component, instance) - restartsBefore;

        List<Chain> chains = load.chainsOf(round);
        Map<Effect, Integer> expected = new LinkedHashMap<>();
        Map<Effect, String> causes = new HashMap<>();
        for (Chain chain : chains) {
            chain.expected.forEach((effect, n) -> expected.merge(effect, n, Integer::sum));
            causes.putAll(chain.causes);
        }
        synchronized (load.sessionsExpected) {
            load.sessionsExpected.forEach((project, n) -> {
                Effect sessions = new Effect("community-payback", "sessions today", project);
                expected.put(sessions, n);
                causes.put(sessions, load.sessionCauses.get(project));
            });
        }
        Instant since = roundStart.minusSeconds(5);
        Map<Effect, Integer> observed = new HashMap<>(observer.observe(expected.keySet(), since));
        Instant giveUpAt = Instant.now().plus(CATCH_UP);
        boolean caughtUp = false;
        long lag = -1;
        while (true) {
            List<Effect> missing = Checker.missing(expected, observed);
            try {
                lag = KafkaWatch.total(kafka.lag());
            } catch (RuntimeException unknownYet) {
                lag = -1;
            }
            if (missing.isEmpty() && lag == 0) {
                caughtUp = true;
                break;
            }
            if (Instant.now().isAfter(giveUpAt)) {
                break;
            }
            Api.sleep(500);
            observed.putAll(observer.observe(missing, since));
        }
        Duration caughtUpAfter = Duration.between(killedAt, Instant.now());
        log("round " + round + ": killed " + target + "; ready after " + Report.seconds(readyAfter)
                + " s, clients' chains finished after " + Report.seconds(drainedAfter) + " s, "
                + (caughtUp ? "caught up" : "NOT caught up") + " after " + Report.seconds(caughtUpAfter) + " s");
        Api.sleep(SETTLE.toMillis());
        Map<Effect, Integer> finalCount = observer.observe(expected.keySet(), since);
        Checker.Verdict verdict = withMailSubjects(Checker.check(expected, finalCount, causes), observer);

        List<Command> commands = chains.stream().flatMap(chain -> chain.commands.stream()).toList();
        List<Command> stuck = commands.stream().filter(c -> c.result() == Command.Result.STUCK).toList();
        List<Command> refused = commands.stream().filter(c -> c.result() == Command.Result.REFUSED).toList();
        long deadLetterGrowth = KafkaWatch.total(kafka.retried(kafka::deadLetters))
                - KafkaWatch.total(deadLettersBefore);
        return new RoundResult(round, kind, target, loadBeforeKill, readyAfter, caughtUpAfter, caughtUp,
                chains.size(), commands.size(), (int) commands.stream().filter(Command::accepted).count(),
                (int) commands.stream().filter(c -> c.attempts() > 1).count(), verdict, stuck, refused,
                deadLetterGrowth, lag, restarts);
    }

    /** A mailbox that received more than expected: which messages, so the report shows the one sent twice. */
    private static Checker.Verdict withMailSubjects(Checker.Verdict verdict, Observer observer) {
        List<Checker.Mismatch> duplicated = verdict.duplicated().stream().map(m -> !"mail".equals(m.effect().service())
                ? m : new Checker.Mismatch(m.effect(), m.expected(), m.observed(), m.cause() + "; the mailbox holds: "
                + String.join(" | ", observer.mailSubjects(m.effect().subject())))).toList();
        return new Checker.Verdict(verdict.checked(), verdict.lost(), duplicated);
    }

    /**
     * One fault at a time: before a round, every partition's followers are back in sync (a broker the last round
     * killed is ready before it has caught up; killing a second one then would be two faults at once).
     */
    private void awaitFullReplication(KafkaWatch kafka) {
        Instant giveUpAt = Instant.now().plus(CATCH_UP);
        List<String> under = kafka.underReplicated();
        while (!under.isEmpty() && Instant.now().isBefore(giveUpAt)) {
            Api.sleep(500);
            under = kafka.underReplicated();
        }
        if (!under.isEmpty()) {
            log("still under-replicated after " + CATCH_UP.toSeconds() + " s: " + under);
        }
    }

    /** A failed run keeps its logs (the stack deletes its temporary directory): copied next to the system's temp. */
    private String keepLogs(Path dataDir) {
        Path logs = dataDir.resolve("logs");
        Path kept = Path.of(System.getProperty("java.io.tmpdir"), "fault-injection-logs-" + options.seed() + "-"
                + System.currentTimeMillis());
        try {
            Files.createDirectories(kept);
            try (var files = Files.list(logs)) {
                for (Path file : files.toList()) {
                    Files.copy(file, kept.resolve(file.getFileName()));
                }
            }
            log("the run failed: logs kept in " + kept);
            return kept.toString();
        } catch (IOException e) {
            log("cannot keep the logs: " + e.getMessage());
            return null;
        }
    }

    private void log(String message) {
        out.println("[fault-injection] " + message);
        out.flush();
    }
}
