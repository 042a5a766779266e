package uk.probation.gate.infra.auth;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The web application as an OAuth2 client: people sign in through it with the authorization code flow and PKCE.
 * {@code baseUrls} are where it runs (its redirect and post-sign-out URIs are derived from them). Its secret comes
 * from the environment ({@code WEB_APP_CLIENT_SECRET}); only the {@code dev} profile has a default. Without a
 * secret the web app's client is not registered.
 */
@ConfigurationProperties("auth.web-app")
record WebAppClient(String clientId, String secret, List<String> baseUrls) {

    static final String REGISTRATION_ID = "gate";

    WebAppClient {
        clientId = clientId == null ? "web-app" : clientId;
        secret = secret == null ? "" : secret;
        baseUrls = baseUrls == null || baseUrls.isEmpty()
                ? List.of("http://127.0.0.1:8080", "http://localhost:8080")
                : baseUrls.stream().map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url).toList();
    }

    boolean configured() {
        return !secret.isBlank();
    }

    List<String> redirectUris() {
        return baseUrls.stream().map(base -> base + "/login/oauth2/code/" + REGISTRATION_ID).toList();
    }

    List<String> postLogoutRedirectUris() {
        return baseUrls.stream().map(base -> base + "/signed-out").toList();
    }
}
