package uk.probation.gate.infra.auth;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The one table of named dev users: enough people to see scoping work (two caseworkers at one prison and one at
 * another, the women's prison; a coordinator and a supervisor in each of two areas; one user per provider; an ops
 * viewer, an admin and a responsible officer). They exist only when the {@code dev} profile is active.
 */
public final class DevUsers {

    private static final List<DevUser> ALL = Stream.concat(
            Stream.of(
                    caseworker("cw-nottingham", "Asha Patel", "NMI"),
                    // a second caseworker at the same prison: two people changing one plan
                    caseworker("cw-nottingham2", "Chris Doyle", "NMI"),
                    caseworker("cw-foston", "Bella Okafor", "FHI"),
                    inArea("pc-derby", "Carl Evans", "PLACEMENT_COORDINATOR", "N53DER"),
                    inArea("pc-leicester", "Dina Shah", "PLACEMENT_COORDINATOR", "N53LEI"),
                    inArea("sup-derby", "Sam Reid", "SUPERVISOR", "N53DER"),
                    inArea("sup-leicester", "Tess Lowe", "SUPERVISOR", "N53LEI"),
                    national("ops", "Olu Adeyemi", "OPS_VIEWER"),
                    // an admin assembles a person's subject access report in the web app with their own token
                    national("admin", "Ada Morgan", "ADMIN", "SAR_DATA_ACCESS"),
                    new DevUser("ro-n01ro1", "Rob Khan", List.of("RESPONSIBLE_OFFICER"), List.of(), List.of(), null,
                            "N01RO1")),
            DevClients.PROVIDER_CODES.stream().map(DevUsers::providerStaff)).toList();

    private DevUsers() {
    }

    public static List<DevUser> all() {
        return ALL;
    }

    static Optional<DevUser> byUsername(String username) {
        return ALL.stream().filter(user -> user.username().equals(username)).findFirst();
    }

    private static DevUser caseworker(String username, String name, String... prisons) {
        return new DevUser(username, name, List.of("RESETTLEMENT_CASEWORKER"), List.of(prisons), List.of(), null, null);
    }

    private static DevUser inArea(String username, String name, String role, String... areas) {
        return new DevUser(username, name, List.of(role), List.of(), List.of(areas), null, null);
    }

    private static DevUser national(String username, String name, String... roles) {
        return new DevUser(username, name, List.of(roles), List.of(), List.of(), null, null);
    }

    /** provider code IN_HOUSE_HOUSING becomes user prov-in-house-housing, "In House Housing referrals team". */
    private static DevUser providerStaff(String providerCode) {
        String username = "prov-" + providerCode.toLowerCase(Locale.ROOT).replace('_', '-');
        String words = Stream.of(providerCode.split("_"))
                .map(word -> word.charAt(0) + word.substring(1).toLowerCase(Locale.ROOT))
                .reduce((a, b) -> a + " " + b).orElseThrow();
        return new DevUser(username, words + " referrals team", List.of("PROVIDER"), List.of(), List.of(),
                providerCode, null);
    }
}
