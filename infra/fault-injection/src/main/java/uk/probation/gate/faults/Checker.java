package uk.probation.gate.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares what the accepted commands must have caused with what the public APIs show: fewer is lost, more is
 * duplicated. Pure, so the rule itself is tested with made-up observations.
 */
final class Checker {

    /** An effect seen a different number of times than expected; {@code cause} names the command(s) behind it. */
    record Mismatch(Effect effect, int expected, int observed, String cause) {
        @Override
        public String toString() {
            return effect + ": expected " + expected + ", observed " + observed + " (" + cause + ")";
        }
    }

    record Verdict(int checked, List<Mismatch> lost, List<Mismatch> duplicated) {
        boolean clean() {
            return lost.isEmpty() && duplicated.isEmpty();
        }
    }

    private Checker() {
    }

    /**
     * @param expected how many times each effect must be seen
     * @param observed what was seen; an effect missing from the map was seen 0 times
     * @param causes   the command behind each effect, for the report
     */
    static Verdict check(Map<Effect, Integer> expected, Map<Effect, Integer> observed, Map<Effect, String> causes) {
        List<Mismatch> lost = new ArrayList<>();
        List<Mismatch> duplicated = new ArrayList<>();
        expected.forEach((effect, count) -> {
            int seen = observed.getOrDefault(effect, 0);
            Mismatch mismatch = new Mismatch(effect, count, seen, causes.getOrDefault(effect, "?"));
            if (seen < count) {
                lost.add(mismatch);
            } else if (seen > count) {
                duplicated.add(mismatch);
            }
        });
        return new Verdict(expected.size(), List.copyOf(lost), List.copyOf(duplicated));
    }

    /** The effects not yet seen as often as expected: what the round still waits for before it counts as caught up. */
    static List<Effect> missing(Map<Effect, Integer> expected, Map<Effect, Integer> observed) {
        return expected.entrySet().stream().filter(e -> observed.getOrDefault(e.getKey(), 0) < e.getValue())
                .map(Map.Entry::getKey).toList();
    }
}
