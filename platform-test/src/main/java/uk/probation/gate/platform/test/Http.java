package uk.probation.gate.platform.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP against a running service, as an outside script would call it. */
public final class Http {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    public record Response(int status, String contentType, JsonNode body, java.net.http.HttpHeaders headers) {
        public String field(String name) {
            JsonNode node = body.get(name);
            return node == null || node.isNull() ? null : node.asString();
        }
    }

    public Http(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public Response get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    public Response post(String path, String token, Object body) {
        return post(path, token, body, Map.of());
    }

    public Response post(String path, String token, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)));
        headers.forEach(request::header);
        return send(request.build());
    }

    public Response put(String path, String token, Object body) {
        return put(path, token, body, null);
    }

    public Response delete(String path, String token) {
        return send(request(path, token).DELETE().build());
    }

    /** A PUT that only succeeds if the resource still has the ETag the caller read. */
    public Response put(String path, String token, Object body, String ifMatch) {
        HttpRequest.Builder request = request(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request.build());
    }

    /** The service's Prometheus exposition text, read without a token as Prometheus scrapes it. */
    public String metrics() {
        try {
            HttpResponse<String> response = client.send(request("/actuator/prometheus", null).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("/actuator/prometheus answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            JsonNode json = body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    json, response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
