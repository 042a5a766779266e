package uk.probation.gate.faults;

import java.time.Duration;
import java.util.List;

/** What one round did and found. */
record RoundResult(int round, FaultKind kind, String target, Duration loadBeforeKill, Duration readyAfter,
        Duration caughtUpAfter, boolean caughtUp, int chains, int commands, int accepted, int retried,
        Checker.Verdict verdict, List<Command> stuck, List<Command> refused, long deadLetterGrowth, long lagAtEnd,
        int supervisorRestarts) {

    boolean clean() {
        return verdict.clean() && stuck.isEmpty() && refused.isEmpty() && deadLetterGrowth == 0 && lagAtEnd == 0;
    }
}
