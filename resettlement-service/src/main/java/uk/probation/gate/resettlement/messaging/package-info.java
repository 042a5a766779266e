/**
 * Kafka adapters: the listener for HMPPS prison movements, which checks each record and then calls the caseload
 * (receptions and transfers) and release features. It sits outside both, so neither feature depends on the other.
 */
package uk.probation.gate.resettlement.messaging;
