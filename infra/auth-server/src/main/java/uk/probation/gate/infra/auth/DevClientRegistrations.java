package uk.probation.gate.infra.auth;

import java.time.Duration;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/** Registers every {@link DevClients} entry as a client_credentials client. */
@Configuration(proxyBeanMethods = false)
class DevClientRegistrations {

    @Bean
    RegisteredClientRepository registeredClientRepository(@Value("${auth.token-ttl:PT1H}") Duration tokenTtl) {
        // an hour, not the default five minutes: a developer pastes one token into Swagger UI for a session
        TokenSettings tokenSettings = TokenSettings.builder().accessTokenTimeToLive(tokenTtl).build();
        return new FixedClientRepository(DevClients.all().stream()
                .map(client -> RegisteredClient.withId(UUID.nameUUIDFromBytes(client.clientId().getBytes()).toString())
                        .clientId(client.clientId())
                        .clientSecret("{noop}" + DevClients.SECRET)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        .tokenSettings(tokenSettings)
                        .build())
                .toList());
    }
}
