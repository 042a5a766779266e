package uk.probation.gate.resettlement.caseload;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import uk.probation.gate.platform.security.Caller;

/** The actor of the current request, from its token; outside a request (an HMPPS movement) it is HMPPS. */
public final class Actors {

    private Actors() {
    }

    public static Actor current() {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (who == null || !who.isAuthenticated()) {
            return Actor.HMPPS;
        }
        Caller caller = Caller.of(who);
        return new Actor(caller.subject(), caller.name());
    }
}
