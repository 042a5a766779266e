/** The recipient directory: the only place contact details live (never on the bus, never in logs). */
package uk.probation.gate.notifications.recipients;
