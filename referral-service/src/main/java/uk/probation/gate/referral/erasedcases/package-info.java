/**
 * The ids of the cases resettlement has erased, so that a late event about one creates no copy of it again. People and
 * release records look here before keeping a copy; the retention package records an erasure and ages the ids out.
 */
package uk.probation.gate.referral.erasedcases;
