package uk.probation.gate.infra.stack.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import uk.probation.gate.infra.stack.RunningStack;
import uk.probation.gate.infra.stack.StackComponent;

/**
 * Stops the four services (SIGTERM: a graceful Spring Boot shutdown) while people are seeded, so their background
 * jobs do not read the growing collections on every tick and slow the loading down, then starts them again
 * one at a time on the same ports and data (the stack runs without supervision, so nothing restarts them meanwhile).
 * Every phase starts on services just started and warmed up the same way, whatever the number of people.
 */
final class ServicePause {

    private final RunningStack stack;

    ServicePause(RunningStack stack) {
        this.stack = stack;
    }

    void stop() throws Exception {
        List<CompletableFuture<ProcessHandle>> exits = new ArrayList<>();
        for (StackComponent service : StackComponent.services()) {
            ProcessHandle process = stack.process(service, 0);
            process.destroy();
            exits.add(process.onExit());
        }
        for (CompletableFuture<ProcessHandle> exit : exits) {
            try {
                exit.get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException stubborn) {
                // restart() kills what is left
            }
        }
    }

    /** Starts them again one at a time, each once the one before is ready, as the stack does; returns when all are. */
    Duration start() {
        long begin = System.nanoTime();
        for (StackComponent service : StackComponent.services()) {
            stack.restart(service);
        }
        return Duration.ofNanos(System.nanoTime() - begin);
    }
}
