/** Kafka adapters: one thin idempotent listener per inbound topic, reading the envelope and calling the services. */
package uk.probation.gate.referral.messaging;
