/** Group projects and individual placements; the work sessions they run are the session package's. */
package uk.probation.gate.communitypayback.project;
