/** Reception into a resettlement prison: opening the Through the Gate case and the caseworkers' caseload. */
package uk.probation.gate.resettlement.caseload;
