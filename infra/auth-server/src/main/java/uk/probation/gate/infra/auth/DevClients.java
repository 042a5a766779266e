package uk.probation.gate.infra.auth;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The one table of dev clients: who exists and which roles and provider code each token carries. */
public final class DevClients {

    /** Every dev client shares this secret: the stack is local, never deployed. */
    public static final String SECRET = "dev-secret";

    static final List<String> PROVIDER_CODES = List.of(
            "INGEUS", "CHANGE_GROW_LIVE", "NEW_DAWN_NEW_DAY", "WOMENS_WORK", "NOTTINGHAM_WOMENS_CENTRE",
            "CHANGING_LIVES", "ST_GILES_TRUST", "SOVA", "USER_VOICE", "IN_HOUSE_HOUSING");

    static final List<DevClient> ALL = Stream.concat(
            Stream.of(
                    DevClient.forRole("caseworker", "RESETTLEMENT_CASEWORKER"),
                    DevClient.forRole("coordinator", "PLACEMENT_COORDINATOR"),
                    DevClient.forRole("supervisor", "SUPERVISOR"),
                    DevClient.forRole("responsible-officer", "RESPONSIBLE_OFFICER"),
                    DevClient.forRole("ops-viewer", "OPS_VIEWER"),
                    DevClient.forRole("admin", "ADMIN")),
            PROVIDER_CODES.stream().map(DevClient::forProvider)).toList();

    private DevClients() {
    }

    public static List<DevClient> all() {
        return ALL;
    }

    static Optional<DevClient> byClientId(String clientId) {
        return ALL.stream().filter(client -> client.clientId().equals(clientId)).findFirst();
    }
}
