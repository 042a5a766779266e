/** Unpaid work rules with no framework in them: hours, deadlines, the education and training share. */
package uk.probation.gate.communitypayback.domain;
