package uk.probation.gate.platform.outbox;

import java.util.concurrent.CompletableFuture;

/** Sends one outbox event; the future completes once the broker acknowledged it, or fails. */
@FunctionalInterface
public interface EventPublisher {

    CompletableFuture<?> publish(OutboxEvent event);
}
