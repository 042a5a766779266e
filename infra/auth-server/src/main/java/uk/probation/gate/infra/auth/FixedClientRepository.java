package uk.probation.gate.infra.auth;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * The registered clients, held in memory. Not InMemoryRegisteredClientRepository: that one refuses two clients with
 * the same secret, which configured clients ({@code auth.clients.*}) may well have.
 */
final class FixedClientRepository implements RegisteredClientRepository {

    private final Map<String, RegisteredClient> byId = new ConcurrentHashMap<>();

    FixedClientRepository(List<RegisteredClient> clients) {
        clients.forEach(this::save);
    }

    /** Also called by Spring Security to store a re-encoded secret after the first login. */
    @Override
    public void save(RegisteredClient registeredClient) {
        byId.put(registeredClient.getId(), registeredClient);
    }

    @Override
    public RegisteredClient findById(String id) {
        return byId.get(id);
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        return byId.values().stream().filter(client -> client.getClientId().equals(clientId)).findFirst().orElse(null);
    }
}
