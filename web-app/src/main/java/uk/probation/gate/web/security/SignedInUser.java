package uk.probation.gate.web.security;

import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The person signed in, read from their ID token: who they are and where they work. Pages use it to decide what to
 * offer; the services decide what the person may actually read and change.
 */
public record SignedInUser(String username, String name, List<Role> roles, List<String> prisons, List<String> areas,
        String provider) {

    public static Optional<SignedInUser> current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    public static Optional<SignedInUser> of(Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof OidcUser user)) {
            return Optional.empty();
        }
        List<Role> roles = list(user.getClaimAsStringList("roles")).stream()
                .flatMap(role -> java.util.Arrays.stream(Role.values()).filter(r -> r.name().equals(role)))
                .toList();
        String name = user.getClaimAsString("name");
        return Optional.of(new SignedInUser(user.getSubject(), name == null ? user.getSubject() : name, roles,
                list(user.getClaimAsStringList("prisons")), list(user.getClaimAsStringList("areas")),
                user.getClaimAsString("provider")));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... any) {
        return java.util.Arrays.stream(any).anyMatch(roles::contains);
    }

    private static List<String> list(List<String> claim) {
        return claim == null ? List.of() : List.copyOf(claim);
    }
}
