package uk.probation.gate.infra.stack.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.probation.gate.infra.stack.RunningStack;
import uk.probation.gate.infra.stack.StackComponent;

/**
 * What each JVM holds and how long each took to start: heap used and committed from the Spring apps' own
 * {@code jvm_memory_*_bytes{area="heap"}} (the rest through {@code jcmd GC.heap_info}), RSS from /proc, and the
 * start time from the "Started ... (process running for N)" line Spring Boot logs when it is ready.
 */
final class Footprint {

    record Memory(double heapUsedMb, double heapCommittedMb, double rssMb) {
    }

    private static final Pattern STARTED = Pattern.compile("Started \\S+ in [0-9.]+ seconds \\(process running for ([0-9.]+)\\)");
    private static final Pattern HEAP_USED = Pattern.compile(
            "jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\} ([0-9.E+]+)");
    private static final Pattern HEAP_COMMITTED = Pattern.compile(
            "jvm_memory_committed_bytes\\{[^}]*area=\"heap\"[^}]*\\} ([0-9.E+]+)");
    private static final Pattern SERIAL_GEN = Pattern.compile("total (\\d+)K, used (\\d+)K");

    private final RunningStack stack;
    private final HttpClient http = HttpClient.newHttpClient();

    Footprint(RunningStack stack) {
        this.stack = stack;
    }

    /** Seconds from launch until Spring Boot said it started (last start in the log). */
    Optional<Double> startSeconds(StackComponent component) {
        try {
            Double last = null;
            for (String line : Files.readAllLines(stack.logFile(component))) {
                Matcher m = STARTED.matcher(line);
                if (m.find()) {
                    last = Double.parseDouble(m.group(1));
                }
            }
            return Optional.ofNullable(last);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    Memory memory(StackComponent component) {
        long pid = stack.process(component).map(ProcessHandle::pid).orElse(-1L);
        double rss = rssMb(pid);
        if (component.hasManagementPort()) {
            try {
                String metrics = http.send(HttpRequest.newBuilder(URI.create(stack.managementUrl(component)
                        + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString()).body();
                double used = sum(HEAP_USED, metrics);
                if (used > 0) {
                    return new Memory(used / 1048576, sum(HEAP_COMMITTED, metrics) / 1048576, rss);
                }
            } catch (IOException | RuntimeException e) {
                // fall through to jcmd
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return jcmd(pid, rss);
    }

    private static double sum(Pattern pattern, String text) {
        double total = 0;
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            total += Double.parseDouble(m.group(1));
        }
        return total;
    }

    /** Serial GC (every JVM of the stack): young + old generation, "total ...K, used ...K" each. */
    private static Memory jcmd(long pid, double rss) {
        try {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(pid), "GC.heap_info").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor();
            double used = 0;
            double committed = 0;
            Matcher m = SERIAL_GEN.matcher(out);
            while (m.find()) {
                committed += Long.parseLong(m.group(1));
                used += Long.parseLong(m.group(2));
            }
            return new Memory(used / 1024, committed / 1024, rss);
        } catch (IOException e) {
            return new Memory(-1, -1, rss);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Memory(-1, -1, rss);
        }
    }

    static double rssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            // gone
        }
        return -1;
    }
}
