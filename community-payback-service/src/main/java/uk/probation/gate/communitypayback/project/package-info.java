/** Group projects and individual placements, and the work sessions they run with supervisors. */
package uk.probation.gate.communitypayback.project;
