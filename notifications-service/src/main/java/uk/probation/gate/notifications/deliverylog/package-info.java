/** The delivery log: who was told about which event, on which channel, in which language. */
package uk.probation.gate.notifications.deliverylog;
