package uk.probation.gate.infra.auth;

import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/** Puts the client's roles (and a provider's code) into its access token, where the services read them. */
@Component
class RoleClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    @Override
    public void customize(JwtEncodingContext context) {
        DevClients.byClientId(context.getRegisteredClient().getClientId()).ifPresent(client -> {
            context.getClaims().claim("roles", client.roles());
            client.providerCode().ifPresent(code -> context.getClaims().claim("provider", code));
        });
    }
}
