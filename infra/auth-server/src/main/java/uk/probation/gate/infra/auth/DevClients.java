package uk.probation.gate.infra.auth;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import uk.probation.gate.contracts.reference.ReferenceData;

/**
 * The one table of dev clients: who exists and which roles and provider code each token carries. Each has its own
 * secret ({@link DevClient#secret()}: {@code <clientId>-dev-secret}). They are registered only when the {@code dev}
 * profile is active (the local stack and compose set it).
 */
public final class DevClients {

    /** One client per provider in the shared reference data, so a provider code here is one the services know. */
    static final List<String> PROVIDER_CODES = ReferenceData.PROVIDERS.stream().map(ReferenceData.Provider::code)
            .toList();

    static final List<DevClient> ALL = Stream.concat(
            Stream.of(
                    DevClient.forRole("caseworker", "RESETTLEMENT_CASEWORKER"),
                    DevClient.forRole("coordinator", "PLACEMENT_COORDINATOR"),
                    DevClient.forRole("supervisor", "SUPERVISOR"),
                    DevClient.forRole("responsible-officer", "RESPONSIBLE_OFFICER"),
                    DevClient.forRole("ops-viewer", "OPS_VIEWER"),
                    DevClient.forRole("admin", "ADMIN"),
                    // the HMPPS subject access request service: asks every service for what it holds about a person
                    DevClient.forRole("sar-data-access", "SAR_DATA_ACCESS")),
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
