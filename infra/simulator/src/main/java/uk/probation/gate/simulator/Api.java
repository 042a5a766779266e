package uk.probation.gate.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The system's public HTTP API with tokens from the auth server (client_credentials, the dev clients). */
final class Api {

    /** Each dev client has its own secret: its id followed by this (caseworker / caseworker-dev-secret). */
    static final String DEV_SECRET_SUFFIX = "-dev-secret";
    /** A cached token is replaced this long before it expires (tokens live at most 10 minutes). */
    static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(60);
    static final ObjectMapper JSON = JsonMapper.builder().build();

    record Response(int status, JsonNode body) {
        String field(String name) {
            return body == null || body.get(name) == null ? null : body.get(name).asString();
        }
    }

    private record Token(String value, Instant renewAt) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String authUrl;
    private final Map<String, Token> tokens = new HashMap<>();

    Api(String authUrl) {
        this.authUrl = authUrl;
    }

    /** A token for a dev client such as {@code caseworker} or {@code provider-in-house-housing}. */
    synchronized String token(String clientId) {
        Token cached = tokens.get(clientId);
        if (cached != null && Instant.now().isBefore(cached.renewAt())) {
            return cached.value();
        }
        String basic = Base64.getEncoder()
                .encodeToString((clientId + ":" + clientSecret(clientId)).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(authUrl + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
        Response response = send(request);
        if (response.status() != 200 || response.field("access_token") == null) {
            throw new SimulationException("the auth server gave no token for client " + clientId + " (HTTP "
                    + response.status() + ") at " + authUrl);
        }
        tokens.put(clientId, new Token(response.field("access_token"), renewAt(Instant.now(),
                response.body().get("expires_in") == null ? 0 : response.body().get("expires_in").asLong())));
        return response.field("access_token");
    }

    static String clientSecret(String clientId) {
        return clientId + DEV_SECRET_SUFFIX;
    }

    /** When to fetch a new token: a minute before it expires, and at least every two minutes. */
    static Instant renewAt(Instant fetched, long expiresInSeconds) {
        Instant byExpiry = fetched.plusSeconds(expiresInSeconds).minus(RENEW_BEFORE_EXPIRY);
        Instant latest = fetched.plusSeconds(120);
        return byExpiry.isBefore(latest) ? byExpiry : latest;
    }

    static String providerClient(String providerCode) {
        return "provider-" + providerCode.toLowerCase().replace('_', '-');
    }

    Response get(String url, String client) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token(client))
                .GET().build());
    }

    Response post(String url, String client, Object body) {
        return send(json(url, client).POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build());
    }

    Response put(String url, String client, Object body) {
        return send(json(url, client).PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build());
    }

    /** A call that must succeed with one of {@code expected}; anything else stops the run, naming the call. */
    static Response expect(Response response, String what, int... expected) {
        for (int status : expected) {
            if (response.status() == status) {
                return response;
            }
        }
        throw new SimulationException(what + " answered HTTP " + response.status() + ": " + response.body());
    }

    private HttpRequest.Builder json(String url, String client) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token(client))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30));
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            JsonNode json = null;
            if (body != null && !body.isBlank()) {
                try {
                    json = JSON.readTree(body);
                } catch (RuntimeException notJson) {
                    json = JSON.getNodeFactory().stringNode(body);
                }
            }
            return new Response(response.statusCode(), json);
        } catch (IOException e) {
            String why = e instanceof java.net.ConnectException ? "nothing answers there (is the stack running?"
                    + " ./run-local.sh, or pass its URLs)" : String.valueOf(e.getMessage());
            throw new SimulationException(request.method() + " " + request.uri() + " failed: " + why);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SimulationException("interrupted");
        }
    }
}
