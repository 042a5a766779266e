package uk.probation.gate.infra.auth;

import java.util.List;

/**
 * A named person who signs in with a form: the roles in their tokens and where they work. {@code prisons} for a
 * caseworker, {@code areas} for a coordinator or supervisor, {@code provider} for a provider's staff,
 * {@code officer} (their officer code) for a responsible officer.
 */
public record DevUser(String username, String name, List<String> roles, List<String> prisons, List<String> areas,
        String provider, String officer) {

    /** Every dev user's password is their username followed by {@code -dev}: local only, never deployed. */
    public String password() {
        return username + "-dev";
    }

    /** One line for the console and the README: who this is and where they work. */
    public String describe() {
        StringBuilder where = new StringBuilder();
        if (!prisons.isEmpty()) {
            where.append("prisons ").append(String.join(", ", prisons));
        }
        if (!areas.isEmpty()) {
            where.append("areas ").append(String.join(", ", areas));
        }
        if (provider != null) {
            where.append("provider ").append(provider);
        }
        if (officer != null) {
            where.append("officer ").append(officer);
        }
        return name + ", " + String.join(", ", roles) + (where.isEmpty() ? ", national" : ", " + where);
    }
}
