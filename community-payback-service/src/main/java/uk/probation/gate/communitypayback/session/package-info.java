/** Work sessions: supervisor capacity, bookings, attendance, stand-downs and the capacity forecast. */
package uk.probation.gate.communitypayback.session;
