/** Notification rules with no framework in them: channels, delivery states, one entry per event and recipient. */
package uk.probation.gate.notifications.domain;
