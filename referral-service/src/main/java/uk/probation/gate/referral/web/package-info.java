/** HTTP concerns shared by the service's controllers: who may call what, and who the caller is. */
package uk.probation.gate.referral.web;
