package uk.probation.gate.infra.auth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * Registers the client_credentials clients ({@link DevClients} under the {@code dev} profile, and every
 * {@code auth.clients.<id>} entry) and the web application as the one authorization-code client people sign in
 * through. Without the dev profile and without any configured client the server refuses to start.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({WebAppClient.class, Workplaces.class, ConfiguredClients.class})
class ClientRegistrations {

    static final String DEV_PROFILE = "dev";

    /** Issue 12: no access token lives longer than this. */
    static final Duration MAX_ACCESS_TOKEN_TTL = Duration.ofMinutes(10);

    private static final Logger log = LoggerFactory.getLogger(ClientRegistrations.class);

    static boolean dev(Environment environment) {
        return environment.acceptsProfiles(Profiles.of(DEV_PROFILE));
    }

    /** Every client_credentials client by its id: what {@link RoleClaims} puts in their tokens. */
    @Bean
    ClientDirectory clientDirectory(Environment environment, Workplaces workplaces, ConfiguredClients configured,
            WebAppClient webApp) {
        List<GateClient> clients = new ArrayList<>();
        boolean dev = dev(environment);
        if (dev) {
            DevClients.all().stream().map(client -> client.toGateClient(workplaces)).forEach(clients::add);
        }
        for (GateClient client : configured.all()) {
            if (clients.stream().anyMatch(existing -> existing.clientId().equals(client.clientId()))
                    || client.clientId().equals(webApp.clientId())) {
                throw new AuthConfigurationException("auth.clients." + client.clientId() + " has the id of "
                        + (client.clientId().equals(webApp.clientId()) ? "the web app's client" : "a dev client"),
                        "Give it another client id.");
            }
            clients.add(client);
        }
        if (!dev && clients.isEmpty() && !webApp.configured()) {
            throw new AuthConfigurationException("No OAuth2 clients are configured, and the dev clients and dev users "
                    + "exist only with the '" + DEV_PROFILE + "' profile",
                    "For local development run with the dev profile (SPRING_PROFILES_ACTIVE=dev or "
                            + "--spring.profiles.active=dev). Otherwise configure clients as "
                            + "auth.clients.<client-id>.secret, auth.clients.<client-id>.roles (and optionally "
                            + ".audiences, .provider, .prisons, .areas) and the web app's secret in "
                            + "WEB_APP_CLIENT_SECRET; see infra/auth-server/README.md.");
        }
        log.info("Registered {} client_credentials clients{}{}", clients.size(),
                dev ? " (dev profile: dev clients and dev users)" : " (no dev clients or dev users)",
                webApp.configured() ? " and the web app's client " + webApp.clientId() : "; no web app client");
        return new ClientDirectory(clients.stream()
                .collect(Collectors.toMap(GateClient::clientId, Function.identity())));
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(@Value("${auth.token-ttl:PT10M}") Duration tokenTtl,
            @Value("${auth.user-token-ttl:PT10M}") Duration userTokenTtl,
            @Value("${auth.refresh-token-ttl:PT8H}") Duration refreshTtl, WebAppClient webApp,
            ClientDirectory directory) {
        checkAccessTokenTtl("auth.token-ttl", tokenTtl);
        checkAccessTokenTtl("auth.user-token-ttl", userTokenTtl);
        TokenSettings tokenSettings = TokenSettings.builder().accessTokenTimeToLive(tokenTtl).build();
        List<RegisteredClient> clients = new ArrayList<>(directory.all().stream()
                .map(client -> RegisteredClient.withId(id(client.clientId()))
                        .clientId(client.clientId())
                        .clientSecret(client.secret())
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        .tokenSettings(tokenSettings)
                        .build())
                .toList());
        if (webApp.configured()) {
            clients.add(webApp(webApp, userTokenTtl, refreshTtl));
        }
        return new FixedClientRepository(clients);
    }

    /** Refuses to start with an access token lifetime above ten minutes (or none at all). */
    static void checkAccessTokenTtl(String property, Duration ttl) {
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_ACCESS_TOKEN_TTL) > 0) {
            throw new AuthConfigurationException(property + " is " + ttl + "; access tokens live at most "
                    + MAX_ACCESS_TOKEN_TTL + " (ten minutes)",
                    "Set " + property + " to PT10M or less (clients fetch a new token when theirs expires; "
                            + "people's sessions use refresh tokens).");
        }
    }

    /** A person's access token lives minutes and is refreshed by the web app; the sign-in lasts a working day. */
    private static RegisteredClient webApp(WebAppClient webApp, Duration accessTtl, Duration refreshTtl) {
        RegisteredClient.Builder client = RegisteredClient.withId(id(webApp.clientId()))
                .clientId(webApp.clientId())
                .clientSecret(webApp.secret().startsWith("{") ? webApp.secret() : "{noop}" + webApp.secret())
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

    /** The client_credentials clients this server registered, by client id. */
    record ClientDirectory(Map<String, GateClient> byClientId) {

        java.util.Optional<GateClient> find(String clientId) {
            return java.util.Optional.ofNullable(byClientId.get(clientId));
        }

        List<GateClient> all() {
            return byClientId.values().stream().sorted(java.util.Comparator.comparing(GateClient::clientId))
                    .toList();
        }
    }
}
