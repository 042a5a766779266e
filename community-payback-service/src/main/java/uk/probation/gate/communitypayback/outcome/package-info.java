/** Outcome figures for operations: completion within 12 months against the target, people sent home. */
package uk.probation.gate.communitypayback.outcome;
