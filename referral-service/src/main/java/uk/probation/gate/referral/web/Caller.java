package uk.probation.gate.referral.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import uk.probation.gate.platform.security.Roles;

/** Who is calling: a PROVIDER's provider code scopes everything it reads and writes. */
public final class Caller {

    private Caller() {
    }

    /** The caller's provider code if it is a PROVIDER (an empty code, matching nothing, if the claim is missing). */
    public static String provider(Authentication who) {
        boolean isProvider = who.getAuthorities().stream()
                .anyMatch(a -> ("ROLE_" + Roles.PROVIDER).equals(a.getAuthority()));
        if (!isProvider) {
            return null;
        }
        if (who instanceof JwtAuthenticationToken jwt) {
            String code = jwt.getToken().getClaimAsString(Roles.PROVIDER_CLAIM);
            return code == null ? "" : code;
        }
        return "";
    }
}
