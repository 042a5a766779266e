package uk.probation.gate.platform.retention;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

/** Reads a retention period as configured: a Period ({@code P7Y}, {@code P30D}) or a Duration ({@code PT24H}). */
public final class Retention {

    private Retention() {
    }

    /** The moment before which a record kept for {@code period} has expired. */
    public static Instant cutoff(Instant now, String period) {
        String p = period.trim().toUpperCase(java.util.Locale.ROOT);
        if (p.contains("T")) {
            return now.minus(Duration.parse(p));
        }
        return now.atOffset(ZoneOffset.UTC).minus(Period.parse(p)).toInstant();
    }

    /** Fails at start-up on a period that cannot be read, naming the property. */
    public static String checked(String property, String period) {
        try {
            cutoff(Instant.EPOCH.plus(Duration.ofDays(365L * 200)), period);
            return period;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(property + " must be an ISO-8601 period such as P7Y or PT24H, not '"
                    + period + "'", e);
        }
    }
}
