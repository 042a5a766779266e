/** HTTP concerns shared by the service's controllers: who may call what. */
package uk.probation.gate.referral.web;
