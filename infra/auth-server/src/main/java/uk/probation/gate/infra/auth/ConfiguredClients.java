package uk.probation.gate.infra.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Client_credentials clients from configuration, for any run without the {@code dev} profile (and added to the dev
 * clients under it):
 *
 * <pre>
 * auth.clients.&lt;client-id&gt;.secret     required; a plain value (from the environment) or an encoded one with its
 *                                   prefix, e.g. {bcrypt}$2a$10$...
 * auth.clients.&lt;client-id&gt;.roles      required, e.g. SAR_DATA_ACCESS
 * auth.clients.&lt;client-id&gt;.audiences  the services its tokens may be used at (default: all four)
 * auth.clients.&lt;client-id&gt;.provider   a provider code, for a PROVIDER client
 * auth.clients.&lt;client-id&gt;.prisons    prison codes its tokens carry
 * auth.clients.&lt;client-id&gt;.areas      area codes its tokens carry
 * </pre>
 */
@ConfigurationProperties("auth")
record ConfiguredClients(Map<String, Entry> clients) {

    ConfiguredClients {
        clients = clients == null ? Map.of() : new TreeMap<>(clients);
    }

    record Entry(String secret, List<String> roles, List<String> audiences, String provider, List<String> prisons,
            List<String> areas) {
    }

    /** Every configured client, checked: a missing secret or role or an unknown audience stops the start. */
    List<GateClient> all() {
        List<GateClient> all = new ArrayList<>();
        clients.forEach((clientId, entry) -> all.add(toClient(clientId, entry)));
        return all;
    }

    private static GateClient toClient(String clientId, Entry entry) {
        String prefix = "auth.clients." + clientId + ".";
        if (entry.secret() == null || entry.secret().isBlank()) {
            throw new AuthConfigurationException(prefix + "secret is not set",
                    "Set " + prefix + "secret (e.g. from the environment: AUTH_CLIENTS_"
                            + clientId.toUpperCase().replace('-', '_') + "_SECRET).");
        }
        if (entry.roles() == null || entry.roles().isEmpty()) {
            throw new AuthConfigurationException(prefix + "roles is not set",
                    "Set " + prefix + "roles to the roles its tokens carry, e.g. SAR_DATA_ACCESS.");
        }
        List<String> audiences = entry.audiences() == null || entry.audiences().isEmpty() ? Audiences.SERVICES
                : entry.audiences();
        for (String audience : audiences) {
            if (!Audiences.SERVICES.contains(audience)) {
                throw new AuthConfigurationException(prefix + "audiences names '" + audience + "', not a service",
                        "Use service names: " + String.join(", ", Audiences.SERVICES) + ".");
            }
        }
        String secret = entry.secret().startsWith("{") ? entry.secret() : "{noop}" + entry.secret();
        return new GateClient(clientId, secret, entry.roles(), Optional.ofNullable(entry.provider()),
                entry.prisons() == null ? List.of() : entry.prisons(),
                entry.areas() == null ? List.of() : entry.areas(), audiences);
    }
}
