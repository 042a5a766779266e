/** Unpaid work orders received from court: the hours owed, what has been credited, and the deadline. */
package uk.probation.gate.communitypayback.order;
