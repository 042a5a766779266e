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

    /**
     * Each dev client has its own secret, its id followed by {@code -dev-secret} (caseworker:
     * {@code caseworker-dev-secret}), so one client's secret never gets another client's token. Local only: these
     * clients exist only under the {@code dev} profile.
     */
    public String secret() {
        return clientId + "-dev-secret";
    }

    /**
     * As registered: caseworker clients reach every prison, coordinator and supervisor clients every area in
     * {@link Workplaces} (scripts and the simulator act for all), and every dev client may be used at every service.
     */
    GateClient toGateClient(Workplaces workplaces) {
        List<String> prisons = roles.contains("RESETTLEMENT_CASEWORKER") ? workplaces.prisons() : List.of();
        List<String> areas = roles.contains("PLACEMENT_COORDINATOR") || roles.contains("SUPERVISOR")
                ? workplaces.areas() : List.of();
        return new GateClient(clientId, "{noop}" + secret(), roles, providerCode, prisons, areas, Audiences.SERVICES);
    }
}
