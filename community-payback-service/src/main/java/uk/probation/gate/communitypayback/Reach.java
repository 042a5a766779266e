package uk.probation.gate.communitypayback;

import java.util.Set;
import uk.probation.gate.platform.security.Caller;
import uk.probation.gate.platform.failure.OutsideReach;

/**
 * Where the caller works: a coordinator or supervisor reaches the areas of its token ({@code areas}), ADMIN and
 * OPS_VIEWER every area. A record outside reach is "not found" like an unknown id; lists are filtered.
 */
public final class Reach {

    private Reach() {
    }

    public static boolean area(String areaCode) {
        return Caller.current().reachesArea(areaCode);
    }

    /** The areas a list is limited to, or null for national reach. */
    public static Set<String> areaFilter() {
        return Caller.current().areaFilter();
    }

    /** Creating something in an area the caller does not work in: 403 naming {@code areaCode}. */
    public static void refuseOutside(String areaCode) {
        if (!area(areaCode)) {
            throw new OutsideReach("You do not work in area " + areaCode, "areaCode", "is not one of your areas");
        }
    }

    /** Whether free-text notes about a person may be shown (not to a pure OPS_VIEWER). */
    public static boolean readsNotes() {
        return Caller.current().readsNotes();
    }

    /** Who is recording something: the token's subject and display name ({@code name}, else the subject). */
    public static Recorder recorder() {
        Caller caller = Caller.current();
        return new Recorder(caller.subject(), caller.name());
    }

    public record Recorder(String subject, String name) {
    }
}
