package uk.probation.gate.infra.auth;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;

/** Talks to a running auth server over real HTTP, as a service or a developer's curl would. */
record TokenEndpoint(int port) {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A client_credentials request, with any {@code resource} parameters (RFC 8707) in the form. */
    HttpResponse<String> requestToken(String clientId, String secret, String... resources)
            throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        String form = Stream.concat(Stream.of("grant_type=client_credentials"),
                        Stream.of(resources).map(r -> "resource=" + URLEncoder.encode(r, StandardCharsets.UTF_8)))
                .collect(Collectors.joining("&"));
        return HTTP.send(HttpRequest.newBuilder(uri("/oauth2/token"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A dev client's token, with its own secret {@code <clientId>-dev-secret}. */
    SignedJWT token(String clientId, String... resources) throws Exception {
        return tokenWithSecret(clientId, clientId + "-dev-secret", resources);
    }

    SignedJWT tokenWithSecret(String clientId, String secret, String... resources) throws Exception {
        HttpResponse<String> response = requestToken(clientId, secret, resources);
        if (response.statusCode() != 200) {
            throw new AssertionError("token request for " + clientId + " got " + response.statusCode() + " "
                    + response.body());
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
