/** Referrals to providers: created from plans or by hand, routed, accepted or declined, escalated, outcomes recorded. */
package uk.probation.gate.referral.lifecycle;
