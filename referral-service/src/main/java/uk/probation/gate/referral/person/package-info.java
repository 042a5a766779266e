/** The people referrals are made for, as resettlement reports their receptions: identifiers and codes only. */
package uk.probation.gate.referral.person;
