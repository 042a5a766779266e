package uk.probation.gate.notifications.domain;

import java.time.Duration;
import java.util.Optional;

/** Exponential back-off for a failed channel: the wait before the next attempt, none after the last. */
public record RetryPolicy(int maxAttempts, Duration initialBackOff, double multiplier, Duration maxBackOff) {

    public RetryPolicy {
        if (maxAttempts < 1 || initialBackOff.isNegative() || multiplier < 1 || maxBackOff.compareTo(initialBackOff) < 0) {
            throw new IllegalArgumentException("Retry policy needs at least one attempt and a growing back-off");
        }
    }

    /** After {@code attemptsMade} failed attempts: how long to wait, or empty when there are no attempts left. */
    public Optional<Duration> backOffAfter(int attemptsMade) {
        if (attemptsMade >= maxAttempts) {
            return Optional.empty();
        }
        double millis = initialBackOff.toMillis() * Math.pow(multiplier, Math.max(0, attemptsMade - 1));
        return Optional.of(Duration.ofMillis((long) Math.min(millis, maxBackOff.toMillis())));
    }
}
