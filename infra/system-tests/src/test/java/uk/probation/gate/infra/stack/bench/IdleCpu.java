package uk.probation.gate.infra.stack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process's CPU over a period with no client traffic, from /proc/PID/stat (utime + stime, in clock ticks of
 * 1/100 s): 100 % is one core busy the whole time.
 */
final class IdleCpu {

    private static final double TICKS_PER_SECOND = 100.0;

    private IdleCpu() {
    }

    static double percent(long pid, int seconds) throws IOException, InterruptedException {
        long before = ticks(pid);
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long after = ticks(pid);
        double elapsed = (System.nanoTime() - start) / 1e9;
        return (after - before) / TICKS_PER_SECOND / elapsed * 100;
    }

    private static long ticks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        // the command name (field 2) may hold spaces: count fields after its closing parenthesis
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
