/**
 * Kafka adapters: one thin idempotent listener per producing service's topic, reading the envelope and calling the
 * delivery log (or its erasure).
 */
package uk.probation.gate.notifications.messaging;
