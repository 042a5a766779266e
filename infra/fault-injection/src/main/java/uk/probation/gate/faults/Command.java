package uk.probation.gate.faults;

import java.time.Duration;
import java.time.Instant;

/**
 * One command a client sent (with all its retries): accepted when some attempt got a 2xx; refused when an attempt got
 * a final 4xx; stuck when no attempt got an answer that settles it before the deadline.
 */
record Command(String kind, String method, String path, String idempotencyKey, Result result, int attempts,
        int status, String lastAnswer, Instant sentAt, Instant settledAt, String body) {

    enum Result { ACCEPTED, REFUSED, STUCK }

    boolean accepted() {
        return result == Result.ACCEPTED;
    }

    /** Retries beyond the first attempt. */
    int retries() {
        return Math.max(0, attempts - 1);
    }

    Duration took() {
        return Duration.between(sentAt, settledAt);
    }

    String describe() {
        return method + " " + path + (idempotencyKey == null ? "" : " (Idempotency-Key " + idempotencyKey + ")")
                + ": " + result + " after " + attempts + " attempt(s), last answer " + lastAnswer;
    }
}
