/** Message templates per event type and language, rendered with Mustache from identifiers, codes and reference data. */
package uk.probation.gate.notifications.templates;
