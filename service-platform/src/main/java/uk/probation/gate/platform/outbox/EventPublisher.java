package uk.probation.gate.platform.outbox;

/** Publishes one outbox event and returns only once the broker acknowledged it. */
@FunctionalInterface
public interface EventPublisher {

    void publish(OutboxEvent event) throws Exception;
}
