package uk.probation.gate.infra.stack.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The run's size, from {@code --people=100000 --receptions=2000 --clients=8} (or {@code --quick}); the command line
 * as typed is kept for the report's first lines.
 */
record BenchOptions(int smallPeople, int people, int receptions, int clients, int pageRequests, int overheadEvents,
        int idleSeconds, Path reportDir, String command) {

    static BenchOptions parse(String[] args) {
        Map<String, String> given = new HashMap<>();
        boolean quick = false;
        for (String arg : args) {
            if (arg.equals("--quick")) {
                quick = true;
            } else if (arg.startsWith("--") && arg.contains("=")) {
                given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else {
                throw new IllegalArgumentException("unknown argument " + arg + "; expected --quick, --people=N, "
                        + "--small-people=N, --receptions=N, --clients=N, --page-requests=N, --overhead-events=N, "
                        + "--idle-seconds=N, --report-dir=DIR, --command=TEXT");
            }
        }
        int people = number(given, "people", quick ? 5_000 : 100_000);
        int smallPeople = Math.min(people, number(given, "small-people", 1_000));
        return new BenchOptions(smallPeople, people, number(given, "receptions", quick ? 300 : 2_000),
                number(given, "clients", 8), number(given, "page-requests", quick ? 20 : 50),
                number(given, "overhead-events", quick ? 20_000 : 100_000), number(given, "idle-seconds", quick ? 20 : 60),
                Path.of(given.getOrDefault("report-dir", "benchmarks")),
                given.getOrDefault("command", System.getProperty("bench.command",
                        "benchmarks/run.sh " + String.join(" ", Arrays.asList(args)))));
    }

    private static int number(Map<String, String> given, String name, int fallback) {
        return given.containsKey(name) ? Integer.parseInt(given.get(name).replace("_", "")) : fallback;
    }
}
