package uk.probation.gate.platform.idempotency;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * The POST with an {@code Idempotency-Key} this thread is handling, as {@link IdempotencyKeyFilter} took it: its
 * record id (caller, path and key, hashed) and whether it resumes an attempt that died holding the key. The
 * aggregate store stamps the id on every aggregate the request changes, in the same write as the change, so a
 * resumed attempt can tell that its change is already stored (ADR 0012).
 */
public record KeyedRequest(String id, boolean resumesAbandonedAttempt) {

    private static final ThreadLocal<KeyedRequest> CURRENT = new ThreadLocal<>();

    public static Optional<KeyedRequest> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Runs the filter's chain as this request, then forgets it. */
    void handle(FilterChain chain, ServletRequest request, ServletResponse response)
            throws IOException, ServletException {
        CURRENT.set(this);
        try {
            chain.doFilter(request, response);
        } finally {
            CURRENT.remove();
        }
    }
}
