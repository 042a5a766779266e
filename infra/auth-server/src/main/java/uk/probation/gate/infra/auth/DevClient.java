package uk.probation.gate.infra.auth;

import java.util.List;
import java.util.Optional;

/** A dev client: its id, the roles its tokens carry and, for providers, the provider code. */
public record DevClient(String clientId, List<String> roles, Optional<String> providerCode) {

    static DevClient forRole(String clientId, String role) {
        return new DevClient(clientId, List.of(role), Optional.empty());
    }

    /** provider code INGEUS becomes client provider-ingeus, CHANGE_GROW_LIVE provider-change-grow-live. */
    static DevClient forProvider(String providerCode) {
        String clientId = "provider-" + providerCode.toLowerCase().replace('_', '-');
        return new DevClient(clientId, List.of("PROVIDER"), Optional.of(providerCode));
    }
}
