package uk.probation.gate.infra.stack.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** Latencies in milliseconds and their percentiles (nearest rank). */
final class Latencies {

    private final List<Long> sorted;

    Latencies(Collection<Long> millis) {
        this.sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
    }

    int count() {
        return sorted.size();
    }

    /** -1 when there is nothing to measure. */
    long percentile(double p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    long p50() {
        return percentile(50);
    }

    long p95() {
        return percentile(95);
    }

    long p99() {
        return percentile(99);
    }

    long max() {
        return sorted.isEmpty() ? -1 : sorted.get(sorted.size() - 1);
    }

    /** "p50 / p95 / p99 / max (n)" for the report. */
    String summary() {
        if (sorted.isEmpty()) {
            return "n/a (none measured)";
        }
        return p50() + " / " + p95() + " / " + p99() + " / " + max() + " ms (n=" + count() + ")";
    }
}
