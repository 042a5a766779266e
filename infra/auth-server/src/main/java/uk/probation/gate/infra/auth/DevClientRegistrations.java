package uk.probation.gate.infra.auth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * Registers every {@link DevClients} entry as a client_credentials client, and the web application as the one
 * authorization-code client people sign in through.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({WebAppClient.class, Workplaces.class})
class DevClientRegistrations {

    @Bean
    RegisteredClientRepository registeredClientRepository(@Value("${auth.token-ttl:PT1H}") Duration tokenTtl,
            @Value("${auth.user-token-ttl:PT10M}") Duration userTokenTtl,
            @Value("${auth.refresh-token-ttl:PT8H}") Duration refreshTtl, WebAppClient webApp) {
        // an hour, not the default five minutes: a developer pastes one token into Swagger UI for a session
        TokenSettings tokenSettings = TokenSettings.builder().accessTokenTimeToLive(tokenTtl).build();
        List<RegisteredClient> clients = new ArrayList<>(DevClients.all().stream()
                .map(client -> RegisteredClient.withId(id(client.clientId()))
                        .clientId(client.clientId())
                        .clientSecret("{noop}" + DevClients.SECRET)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        .tokenSettings(tokenSettings)
                        .build())
                .toList());
        clients.add(webApp(webApp, userTokenTtl, refreshTtl));
        return new FixedClientRepository(clients);
    }

    /** A person's access token lives minutes and is refreshed by the web app; the sign-in lasts a working day. */
    private static RegisteredClient webApp(WebAppClient webApp, Duration accessTtl, Duration refreshTtl) {
        RegisteredClient.Builder client = RegisteredClient.withId(id(webApp.clientId()))
                .clientId(webApp.clientId())
                .clientSecret("{noop}" + webApp.secret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(accessTtl)
                        .refreshTokenTimeToLive(refreshTtl).reuseRefreshTokens(false).build());
        webApp.redirectUris().forEach(client::redirectUri);
        webApp.postLogoutRedirectUris().forEach(client::postLogoutRedirectUri);
        return client.build();
    }

    private static String id(String clientId) {
        return UUID.nameUUIDFromBytes(clientId.getBytes()).toString();
    }
}
