/** Screening questions as versioned data, the immediate-needs screening and the pre-release review. */
package uk.probation.gate.resettlement.screening;
