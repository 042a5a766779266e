/** Notification rules with no framework in them: who hears of what, quiet hours, retries, language fallback. */
package uk.probation.gate.notifications.domain;
