/** Resettlement rules with no framework in them: statuses, codes, deadlines. */
package uk.probation.gate.resettlement.domain;
