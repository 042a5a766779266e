package uk.probation.gate.resettlement.caseload.web;

import uk.probation.gate.platform.web.ApiProblem;

/** Reads the case version from an If-Match ETag, so a save based on a stale read is refused with 409. */
public final class IfMatch {

    private IfMatch() {
    }

    /** {@code "3"} or {@code W/"3"} gives 3; no header (or {@code *}) gives null: no check. */
    public static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.equals("*")) {
            return null;
        }
        try {
            return Long.parseLong(ifMatch.replace("W/", "").replace("\"", "").trim());
        } catch (NumberFormatException e) {
            throw ApiProblem.invalid("If-Match", "must be the ETag of the case, e.g. \"3\"");
        }
    }
}
