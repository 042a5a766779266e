/** The resettlement plan: needs per pathway, risk of harm, completion on time or late, revisions. */
package uk.probation.gate.resettlement.plan;
