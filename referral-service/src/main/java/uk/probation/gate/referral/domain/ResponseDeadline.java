package uk.probation.gate.referral.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * When a provider must respond, and when a referral left unanswered moves on: the whole respond-by day, then
 * the grace period the business allows.
 */
public record ResponseDeadline(Duration grace) {

    public LocalDate respondBy(LocalDate sentOn, int responseDays) {
        return sentOn.plusDays(responseDays);
    }

    public boolean overdue(LocalDate respondBy, Instant now) {
        return now.isAfter(escalatesAt(respondBy));
    }

    public Instant escalatesAt(LocalDate respondBy) {
        return respondBy.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).plus(grace);
    }
}
