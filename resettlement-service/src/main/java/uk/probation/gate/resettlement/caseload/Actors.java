package uk.probation.gate.resettlement.caseload;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import uk.probation.gate.platform.security.Roles;

/** The actor of the current request, from its token; outside a request (an HMPPS movement) it is HMPPS. */
public final class Actors {

    private Actors() {
    }

    public static Actor current() {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (who == null || !who.isAuthenticated()) {
            return Actor.HMPPS;
        }
        if (who instanceof JwtAuthenticationToken token) {
            String subject = token.getToken().getSubject();
            String name = token.getToken().getClaimAsString(Roles.NAME_CLAIM);
            return new Actor(subject, name == null || name.isBlank() ? subject : name);
        }
        return new Actor(who.getName(), who.getName());
    }
}
