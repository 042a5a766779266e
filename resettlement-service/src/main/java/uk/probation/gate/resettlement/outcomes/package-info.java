/** Ops figures on release (accommodation, work) by prison and sex, read from the cases without person identifiers. */
package uk.probation.gate.resettlement.outcomes;
