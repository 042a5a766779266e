package uk.probation.gate.infra.auth;

import java.util.List;
import java.util.Optional;

/**
 * A client_credentials client as the token customizer sees it: the roles, provider code and workplaces its tokens
 * carry and the audiences it may have. Built from {@link DevClients} under the {@code dev} profile, and from
 * {@code auth.clients.<id>.*} ({@link ConfiguredClients}).
 *
 * @param secret as stored, with its encoding prefix ({@code {noop}...}, {@code {bcrypt}...})
 */
record GateClient(String clientId, String secret, List<String> roles, Optional<String> provider,
        List<String> prisons, List<String> areas, List<String> audiences) {

    GateClient {
        roles = List.copyOf(roles);
        prisons = List.copyOf(prisons);
        areas = List.copyOf(areas);
        audiences = List.copyOf(audiences);
    }
}
