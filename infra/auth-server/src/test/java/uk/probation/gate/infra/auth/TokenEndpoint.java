package uk.probation.gate.infra.auth;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;

/** Talks to a running auth server over real HTTP, as a service or a developer's curl would. */
record TokenEndpoint(int port) {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    HttpResponse<String> requestToken(String clientId, String secret) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(uri("/oauth2/token"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    SignedJWT token(String clientId) throws Exception {
        HttpResponse<String> response = requestToken(clientId, "dev-secret");
        if (response.statusCode() != 200) {
            throw new AssertionError("token request for " + clientId + " got " + response.statusCode());
        }
        Map<String, Object> body = JSONObjectUtils.parse(response.body());
        return SignedJWT.parse((String) body.get("access_token"));
    }

    JWKSet jwks() throws Exception {
        return JWKSet.parse(HTTP.send(HttpRequest.newBuilder(uri("/oauth2/jwks")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
