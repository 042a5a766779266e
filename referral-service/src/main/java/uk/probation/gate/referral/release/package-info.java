/** Accommodation and ETE followed from the plan through referrals and outcomes to what the person had on release. */
package uk.probation.gate.referral.release;
