package uk.probation.gate.infra.stack;

import java.util.List;

/**
 * The dev users to sign in to the web application as. The authoritative list is the auth server's; this launcher
 * has no dependency on it (it must stay a plain jar), so keep the two in step. Every password is the username
 * followed by {@value #PASSWORD_SUFFIX}.
 */
final class DevUserHints {

    static final String PASSWORD_SUFFIX = "-dev";

    record User(String username, String name, String role, String where) {
        String password() {
            return username + PASSWORD_SUFFIX;
        }
    }

    static final List<User> USERS = List.of(
            new User("cw-nottingham", "Asha Patel", "RESETTLEMENT_CASEWORKER", "prison NMI"),
            new User("cw-nottingham2", "Chris Doyle", "RESETTLEMENT_CASEWORKER", "prison NMI"),
            new User("cw-foston", "Bella Okafor", "RESETTLEMENT_CASEWORKER", "prison FHI (women)"),
            new User("pc-derby", "Carl Evans", "PLACEMENT_COORDINATOR", "area N53DER"),
            new User("pc-leicester", "Dina Shah", "PLACEMENT_COORDINATOR", "area N53LEI"),
            new User("sup-derby", "Sam Reid", "SUPERVISOR", "area N53DER"),
            new User("sup-leicester", "Tess Lowe", "SUPERVISOR", "area N53LEI"),
            new User("prov-ingeus", "Ingeus referrals team", "PROVIDER", "provider INGEUS"),
            new User("ops", "Olu Adeyemi", "OPS_VIEWER", "national"),
            new User("admin", "Ada Morgan", "ADMIN, SAR_DATA_ACCESS", "national"),
            new User("ro-n01ro1", "Rob Khan", "RESPONSIBLE_OFFICER", "officer N01RO1"));

    /** Every provider has a user named this way, e.g. ST_GILES_TRUST signs in as prov-st-giles-trust. */
    static final String PROVIDER_PATTERN = "prov-<provider code in lower case, _ as ->";

    private DevUserHints() {
    }
}
