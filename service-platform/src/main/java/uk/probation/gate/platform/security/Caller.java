package uk.probation.gate.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling (token {@code sub}, and the display {@code name} or else the subject) and where they work, read
 * from the token (ADR 0006). ADMIN and OPS_VIEWER reach everything; a
 * caseworker only its {@code prisons}, a coordinator or supervisor only its {@code areas}, a provider only its
 * {@code provider}, a responsible officer only the people whose {@code officer} code it holds. A claim that is missing
 * reaches nothing. Records outside the caller's reach are "not found".
 */
public record Caller(String subject, String name, Set<String> roles, Set<String> prisons, Set<String> areas,
        String provider, String officer) {

    /** No HTTP caller: an HMPPS movement or an event. Reaches everything, as events are not scoped. */
    public static final Caller SYSTEM = new Caller("system", "system", Set.of(Roles.ADMIN), Set.of(), Set.of(), null);

    /** A caller that is not a responsible officer. */
    public Caller(String subject, String name, Set<String> roles, Set<String> prisons, Set<String> areas,
            String provider) {
        this(subject, name, roles, prisons, areas, provider, null);
    }

    public Caller {
        roles = Set.copyOf(roles);
        prisons = Set.copyOf(prisons);
        areas = Set.copyOf(areas);
    }

    /** The caller of the current request, or {@link #SYSTEM} outside one. */
    public static Caller current() {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        return who == null || !who.isAuthenticated() ? SYSTEM : of(who);
    }

    public static Caller of(Authentication who) {
        Set<String> roles = who.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring("ROLE_".length()))
                .collect(Collectors.toUnmodifiableSet());
        if (!(who instanceof JwtAuthenticationToken token)) {
            return new Caller(who.getName(), who.getName(), roles, Set.of(), Set.of(), null);
        }
        Jwt jwt = token.getToken();
        String provider = jwt.getClaimAsString(Roles.PROVIDER_CLAIM);
        String name = jwt.getClaimAsString(Roles.NAME_CLAIM);
        String officer = jwt.getClaimAsString(Roles.OFFICER_CLAIM);
        return new Caller(jwt.getSubject(), name == null || name.isBlank() ? jwt.getSubject() : name, roles,
                codes(jwt, Roles.PRISONS_CLAIM), codes(jwt, Roles.AREAS_CLAIM), provider == null ? "" : provider,
                officer == null ? "" : officer);
    }

    private static Set<String> codes(Jwt jwt, String claim) {
        Object value = jwt.getClaim(claim);
        if (value instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.toUnmodifiableSet());
        }
        return value instanceof String one ? Set.of(one) : Set.of();
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** ADMIN and OPS_VIEWER see every prison, area and provider. */
    public boolean isNational() {
        return hasRole(Roles.ADMIN) || hasRole(Roles.OPS_VIEWER);
    }

    public boolean reachesPrison(String prisonCode) {
        return isNational() || prisonCode != null && prisons.contains(prisonCode);
    }

    public boolean reachesArea(String areaCode) {
        return isNational() || areaCode != null && areas.contains(areaCode);
    }

    /** The prison codes a list must be limited to, or null when the caller sees every prison. */
    public Set<String> prisonFilter() {
        return isNational() ? null : prisons;
    }

    /** The area codes a list must be limited to, or null when the caller sees every area. */
    public Set<String> areaFilter() {
        return isNational() ? null : areas;
    }

    /**
     * The caller's provider code when it acts as a PROVIDER (only its own referrals), else null. An empty code,
     * matching nothing, when a PROVIDER token lacks the claim.
     */
    public String providerScope() {
        return hasRole(Roles.PROVIDER) && !isNational() ? (provider == null ? "" : provider) : null;
    }

    /**
     * The caller's officer code when it acts as a RESPONSIBLE_OFFICER (only its own people), else null. An empty
     * code, matching nothing, when the token lacks the claim.
     */
    public String officerScope() {
        return hasRole(Roles.RESPONSIBLE_OFFICER) && !isNational() ? (officer == null ? "" : officer) : null;
    }

    /**
     * Free-text notes (risk of harm summary, need notes, health and safety notes) are for the people who work the
     * case; an OPS_VIEWER reads figures and statuses, not what was written about a person.
     */
    public boolean readsNotes() {
        return !(hasRole(Roles.OPS_VIEWER) && List.of(Roles.ADMIN, Roles.RESETTLEMENT_CASEWORKER,
                Roles.PLACEMENT_COORDINATOR, Roles.SUPERVISOR, Roles.PROVIDER, Roles.RESPONSIBLE_OFFICER).stream()
                .noneMatch(this::hasRole));
    }
}
