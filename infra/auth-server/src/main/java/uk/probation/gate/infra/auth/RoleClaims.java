package uk.probation.gate.infra.auth;

import java.util.List;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * Puts roles and where the holder works into tokens, where the services read them. A person's tokens (access and
 * ID) carry their own: {@code sub} is the username, plus {@code name}, {@code roles} and {@code prisons},
 * {@code areas}, {@code provider} or {@code officer}. A dev client's access token carries its role, a provider's
 * code, and for caseworker, coordinator and supervisor clients every prison or area in {@link Workplaces}.
 */
@Component
class RoleClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final Workplaces workplaces;

    RoleClaims(Workplaces workplaces) {
        this.workplaces = workplaces;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            DevClients.byClientId(context.getRegisteredClient().getClientId())
                    .ifPresent(client -> clientClaims(context, client));
            return;
        }
        DevUsers.byUsername(context.getPrincipal().getName()).ifPresent(user -> userClaims(context, user));
    }

    private void clientClaims(JwtEncodingContext context, DevClient client) {
        context.getClaims().claim("roles", client.roles());
        client.providerCode().ifPresent(code -> context.getClaims().claim("provider", code));
        if (client.roles().contains("RESETTLEMENT_CASEWORKER")) {
            context.getClaims().claim("prisons", workplaces.prisons());
        }
        if (client.roles().contains("PLACEMENT_COORDINATOR") || client.roles().contains("SUPERVISOR")) {
            context.getClaims().claim("areas", workplaces.areas());
        }
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
