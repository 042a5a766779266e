package uk.probation.gate.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The Markdown report of a run: figures, recovery per fault, and every problem with its evidence. */
final class Report {

    private Report() {
    }

    record Run(String shape, long seed, int clients, Instant startedAt, Duration stackStart, Duration took,
            List<RoundResult> rounds, Map<String, Long> deadLettersAtStart, Map<String, Long> deadLettersAtEnd,
            Map<String, Long> lagAtEnd, Map<Command.Result, Long> commandsByResult, Map<String, Long> commandsByKind,
            String dataDir, String keptLogs, String command, int roundsAsked, boolean finished) {

        long lost() {
            return rounds.stream().mapToLong(r -> r.verdict().lost().size()).sum();
        }

        long duplicated() {
            return rounds.stream().mapToLong(r -> r.verdict().duplicated().size()).sum();
        }

        long stuck() {
            return rounds.stream().mapToLong(r -> r.stuck().size()).sum();
        }

        long refused() {
            return rounds.stream().mapToLong(r -> r.refused().size()).sum();
        }

        long deadLetterGrowth() {
            return rounds.stream().mapToLong(RoundResult::deadLetterGrowth).sum();
        }

        /** Nothing lost, duplicated, stuck or refused, no dead letters, every round caught up. */
        boolean passed() {
            return lost() == 0 && duplicated() == 0 && stuck() == 0 && refused() == 0 && deadLetterGrowth() == 0
                    && rounds.stream().allMatch(RoundResult::caughtUp);
        }
    }

    static String markdown(Run run) {
        StringBuilder out = new StringBuilder();
        out.append("# Fault injection: ").append(run.rounds().size()).append(" rounds")
                .append(run.finished() ? "" : " so far (in progress: rewritten after every round)").append("\n\n");
        out.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores; Java ")
                .append(System.getProperty("java.version")).append("; the whole local stack on one machine ")
                .append("(KRaft brokers from Maven jars, the Mongo wire server on H2 files, the auth server, GreenMail, ")
                .append("the four services; no web app). Each round a seeded random choice SIGKILLs one service ")
                .append("instance, one broker, or the leader of a partition of a services' event topic while ")
                .append(run.clients()).append(" clients send a mixed load through the public APIs (tokens from the ")
                .append("dev clients; every POST with an Idempotency-Key, retried with the same key and body on the ")
                .append("next instance, with back-off); the stack's supervisor restarts the killed JVM; then the ")
                .append("clients finish their chains and the round checks every accepted command's effects through ")
                .append("the public APIs, the delivery log, the mail server and the topics.\n\n");
        out.append("Run: `").append(run.command()).append("`\n\n");
        out.append("| figure | value |\n| --- | --- |\n");
        row(out, "result", run.passed() ? "**PASS**: nothing lost, duplicated, stuck or refused"
                : "**FAIL** (see Problems)");
        row(out, "shape", run.shape());
        row(out, "seed", String.valueOf(run.seed()));
        row(out, "rounds", run.rounds().size() + (run.rounds().size() < run.roundsAsked() ? " of "
                + run.roundsAsked() + " asked" + (run.finished() ? " (stopped by --max-minutes)" : " (in progress)")
                : ""));
        Map<FaultKind, Long> byKind = new EnumMap<>(FaultKind.class);
        run.rounds().forEach(r -> byKind.merge(r.kind(), 1L, Long::sum));
        row(out, "faults injected", byKind.entrySet().stream().map(e -> e.getValue() + " " + describe(e.getKey()))
                .reduce((a, b) -> a + ", " + b).orElse("none"));
        row(out, "stack start", run.stackStart().toSeconds() + " s");
        row(out, "run took", run.took().toMinutes() + " min " + run.took().toSecondsPart() + " s");
        long sent = run.commandsByResult().values().stream().mapToLong(Long::longValue).sum();
        row(out, "commands sent", sent + " (" + run.rounds().stream().mapToInt(RoundResult::chains).sum()
                + " chains: " + String.join(", ", run.commandsByKind().entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).toList()) + ")");
        row(out, "commands accepted", String.valueOf(run.commandsByResult().getOrDefault(Command.Result.ACCEPTED, 0L)));
        row(out, "commands retried (at least once)", String.valueOf(run.rounds().stream()
                .mapToInt(RoundResult::retried).sum()));
        row(out, "effects checked", String.valueOf(run.rounds().stream().mapToInt(r -> r.verdict().checked()).sum()));
        row(out, "lost", String.valueOf(run.lost()));
        row(out, "duplicated", String.valueOf(run.duplicated()));
        row(out, "stuck (no 2xx within the deadline)", String.valueOf(run.stuck()));
        row(out, "refused (a final 4xx)", String.valueOf(run.refused()));
        row(out, "dead letters", run.deadLetterGrowth() + " new (at start " + run.deadLettersAtStart() + ", at end "
                + run.deadLettersAtEnd() + ")");
        row(out, "consumer lag at the end", run.lagAtEnd().toString());
        row(out, "rounds not caught up within the deadline", String.valueOf(run.rounds().stream()
                .filter(r -> !r.caughtUp()).count()));
        out.append('\n');

        out.append("## Recovery time per fault\n\n");
        out.append("Ready: from the SIGKILL until the killed JVM (restarted by the supervisor) is ready again. ")
                .append("Caught up: from the SIGKILL until every accepted command of the round shows all its effects ")
                .append("and every consumer group's lag is zero (the clients' chains under way at the kill included).")
                .append("\n\n");
        out.append("| fault | rounds | ready min / median / max (s) | caught up min / median / max (s) |\n")
                .append("| --- | --- | --- | --- |\n");
        for (FaultKind kind : FaultKind.values()) {
            List<RoundResult> of = run.rounds().stream().filter(r -> r.kind() == kind).toList();
            if (!of.isEmpty()) {
                out.append("| ").append(describe(kind)).append(" | ").append(of.size()).append(" | ")
                        .append(stats(of.stream().map(RoundResult::readyAfter).toList())).append(" | ")
                        .append(stats(of.stream().map(RoundResult::caughtUpAfter).toList())).append(" |\n");
            }
        }
        out.append("| all | ").append(run.rounds().size()).append(" | ")
                .append(stats(run.rounds().stream().map(RoundResult::readyAfter).toList())).append(" | ")
                .append(stats(run.rounds().stream().map(RoundResult::caughtUpAfter).toList())).append(" |\n\n");

        out.append("| round | fault | killed | load before kill (s) | ready (s) | caught up (s) | chains | commands ")
                .append("| accepted | retried | effects | lost | dup | stuck | refused | DLT + |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (RoundResult r : run.rounds()) {
            out.append("| ").append(r.round()).append(" | ").append(r.kind().cliName()).append(" | ")
                    .append(r.target()).append(" | ").append(seconds(r.loadBeforeKill())).append(" | ")
                    .append(seconds(r.readyAfter())).append(" | ")
                    .append(r.caughtUp() ? seconds(r.caughtUpAfter()) : "not within deadline").append(" | ")
                    .append(r.chains()).append(" | ").append(r.commands()).append(" | ").append(r.accepted())
                    .append(" | ").append(r.retried()).append(" | ").append(r.verdict().checked()).append(" | ")
                    .append(r.verdict().lost().size()).append(" | ").append(r.verdict().duplicated().size())
                    .append(" | ").append(r.stuck().size()).append(" | ").append(r.refused().size()).append(" | ")
                    .append(r.deadLetterGrowth()).append(" |\n");
        }
        out.append('\n');

        out.append("## Problems\n\n");
        boolean any = false;
        for (RoundResult r : run.rounds()) {
            List<String> lines = new ArrayList<>();
            r.verdict().lost().forEach(m -> lines.add("LOST " + m));
            r.verdict().duplicated().forEach(m -> lines.add("DUPLICATED " + m));
            r.stuck().forEach(c -> lines.add("STUCK " + c.describe()));
            r.refused().forEach(c -> lines.add("REFUSED " + c.describe()));
            if (r.deadLetterGrowth() > 0) {
                lines.add("DEAD LETTERS +" + r.deadLetterGrowth());
            }
            if (!r.caughtUp()) {
                lines.add("not caught up within the deadline (lag at the end " + r.lagAtEnd() + ")");
            }
            if (!lines.isEmpty()) {
                any = true;
                out.append("Round ").append(r.round()).append(" (").append(r.kind().cliName()).append(", killed ")
                        .append(r.target()).append("):\n");
                lines.forEach(line -> out.append("- ").append(line).append('\n'));
                out.append('\n');
            }
        }
        if (!any) {
            out.append("None.\n\n");
        }
        out.append("The stack ran in `").append(run.dataDir()).append("` (a temporary directory, deleted at the end")
                .append(run.keptLogs() == null ? ")." : "); its logs were kept in `" + run.keptLogs() + "`.")
                .append("\n");
        return out.toString();
    }

    static String describe(FaultKind kind) {
        return switch (kind) {
            case SERVICE -> "service instance";
            case BROKER -> "broker";
            case LEADER -> "partition leader";
        };
    }

    /** min / median / max in seconds with one decimal. */
    static String stats(List<Duration> durations) {
        if (durations.isEmpty()) {
            return "n/a";
        }
        List<Duration> sorted = new ArrayList<>(durations);
        Collections.sort(sorted);
        return seconds(sorted.get(0)) + " / " + seconds(sorted.get((sorted.size() - 1) / 2)) + " / "
                + seconds(sorted.get(sorted.size() - 1));
    }

    static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.1f", duration.toMillis() / 1000.0);
    }

    private static void row(StringBuilder out, String figure, String value) {
        out.append("| ").append(figure).append(" | ").append(value).append(" |\n");
    }

    static Map<String, Long> sorted(Map<String, Long> map) {
        return new TreeMap<>(map);
    }
}
