/** Referral rules with no framework in them: codes and levels shared by people, routes and referrals. */
package uk.probation.gate.referral.domain;
