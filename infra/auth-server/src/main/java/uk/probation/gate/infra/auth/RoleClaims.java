package uk.probation.gate.infra.auth;

import java.util.List;

import org.springframework.core.env.Environment;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationGrantAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * Puts roles, where the holder works and where the token may be used into tokens, where the services read them.
 * <ul>
 * <li>Every access token: {@code aud} = the services it may be used at (all four, or those the token request named
 * with {@code resource}; Spring's default, the client id, is replaced) and {@code client_id} (RFC 9068).</li>
 * <li>A person's tokens (access and ID) carry their own: {@code sub} is the username, plus {@code name},
 * {@code roles} and {@code prisons}, {@code areas}, {@code provider} or {@code officer}. The ID token keeps its
 * OIDC audience, the web app's client id.</li>
 * <li>A client_credentials client's access token carries its roles, a provider's code, and its prisons or areas
 * (dev caseworker, coordinator and supervisor clients: every one in {@link Workplaces}).</li>
 * </ul>
 */
@Component
class RoleClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String CLIENT_ID_CLAIM = "client_id";

    private final ClientRegistrations.ClientDirectory clients;
    private final boolean devUsers;

    RoleClaims(ClientRegistrations.ClientDirectory clients, Environment environment) {
        this.clients = clients;
        this.devUsers = ClientRegistrations.dev(environment);
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        String clientId = context.getRegisteredClient().getClientId();
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            GateClient client = clients.find(clientId).orElseThrow(() -> new OAuth2AuthenticationException(
                    "unauthorized_client"));
            clientClaims(context, client);
            if (accessToken) {
                audience(context, client.audiences());
            }
            return;
        }
        if (devUsers) {
            DevUsers.byUsername(context.getPrincipal().getName()).ifPresent(user -> userClaims(context, user));
        }
        if (accessToken) {
            audience(context, Audiences.SERVICES);
        }
    }

    private static void audience(JwtEncodingContext context, List<String> allowed) {
        Authentication grant = context.getAuthorizationGrant();
        List<String> audience = grant instanceof OAuth2AuthorizationGrantAuthenticationToken request
                ? Audiences.forRequest(request.getAdditionalParameters(), allowed)
                : allowed;
        context.getClaims().audience(audience);
        context.getClaims().claim(CLIENT_ID_CLAIM, context.getRegisteredClient().getClientId());
    }

    private static void clientClaims(JwtEncodingContext context, GateClient client) {
        var claims = context.getClaims();
        claims.claim("roles", client.roles());
        client.provider().ifPresent(code -> claims.claim("provider", code));
        putIfAny(context, "prisons", client.prisons());
        putIfAny(context, "areas", client.areas());
    }

    private static void userClaims(JwtEncodingContext context, DevUser user) {
        var claims = context.getClaims();
        claims.subject(user.username());
        claims.claim("name", user.name());
        claims.claim("roles", user.roles());
        putIfAny(context, "prisons", user.prisons());
        putIfAny(context, "areas", user.areas());
        if (user.provider() != null) {
            claims.claim("provider", user.provider());
        }
        if (user.officer() != null) {
            claims.claim("officer", user.officer());
        }
    }

    private static void putIfAny(JwtEncodingContext context, String claim, List<String> codes) {
        if (!codes.isEmpty()) {
            context.getClaims().claim(claim, codes);
        }
    }
}
