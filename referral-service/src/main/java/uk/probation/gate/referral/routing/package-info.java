/** The supply-chain providers and the routing table: data, edited at run time by an admin, every change audited. */
package uk.probation.gate.referral.routing;
