package uk.probation.gate.infra.auth;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * The dev clients, held in memory. Not InMemoryRegisteredClientRepository: that one refuses two clients
 * with the same secret, and every dev client shares {@link DevClients#SECRET} on purpose.
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
