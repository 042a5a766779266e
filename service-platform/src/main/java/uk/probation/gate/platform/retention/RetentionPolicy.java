package uk.probation.gate.platform.retention;

import java.time.Instant;

/**
 * One kind of record and how long it is kept (ADR 0010). The retention job calls {@link #purge} on one instance at a
 * time; a purge must be safe to run again and to stop half-way (it deletes what has expired, nothing else).
 */
public interface RetentionPolicy {

    /** A short stable name, e.g. {@code closed-cases}; a metric label and the key of its last run. */
    String name();

    /** What is kept and from when the period counts, in words an admin reads. */
    String description();

    /** The configured period, ISO-8601 ({@code P7Y}, {@code P30D}, {@code PT24H}). */
    String period();

    /** Deletes what has expired at {@code now}; returns how many records went. */
    long purge(Instant now);
}
