/** Release from prison: accommodation and ETE status on release, met at the gate, HMPPS releases. */
package uk.probation.gate.resettlement.release;
