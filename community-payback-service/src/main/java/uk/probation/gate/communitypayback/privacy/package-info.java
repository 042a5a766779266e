/**
 * What the service keeps about a person and for how long: the subject access report (HMPPS SAR) and the retention
 * of finished orders, erased with an announcement to the other services (ADR 0010).
 */
package uk.probation.gate.communitypayback.privacy;
