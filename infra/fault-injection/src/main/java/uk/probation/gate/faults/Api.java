package uk.probation.gate.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import uk.probation.gate.infra.stack.StackComponent;

/**
 * The public APIs as a real client behind a load balancer uses them: a token per dev client (renewed every two
 * minutes), every POST with an {@code Idempotency-Key}; a failed attempt (connection error, 5xx, 409 "in progress")
 * is retried with the same key and body on the next instance of that service, with back-off, until a deadline.
 */
final class Api {

    static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Duration TOKEN_LIFE = Duration.ofMinutes(2);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
    private static final long FIRST_BACK_OFF_MS = 100;
    private static final long MAX_BACK_OFF_MS = 2_000;

    record Answer(int status, JsonNode body, String error) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        String field(String name) {
            return body == null || body.get(name) == null || body.get(name).isNull() ? null : body.get(name).asString();
        }

        String describe() {
            if (error != null) {
                return error;
            }
            String detail = field("detail");
            return "HTTP " + status + (detail == null ? "" : " (" + detail + ")");
        }
    }

    private record Token(String value, Instant renewAt) {
    }

    private final Cluster cluster;
    private final Duration deadline;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    Api(Cluster cluster, Duration deadline) {
        this.cluster = cluster;
        this.deadline = deadline;
    }

    /** A command: retried as a real client would until it is accepted, refused or the deadline passes. */
    Command send(String kind, String method, StackComponent service, int preferredInstance, String path,
            String client, Object body, String idempotencyKey) {
        String json = body == null ? null : JSON.writeValueAsString(body);
        List<URI> instances = cluster.baseUrls(service);
        Instant sentAt = Instant.now();
        Instant giveUpAt = sentAt.plus(deadline);
        int attempts = 0;
        Answer answer = null;
        long backOff = FIRST_BACK_OFF_MS;
        while (true) {
            URI base = instances.get(Math.floorMod(preferredInstance + attempts, instances.size()));
            attempts++;
            answer = exchange(method, base.resolve(path), client, json, idempotencyKey);
            if (answer.ok()) {
                return new Command(kind, method, path, idempotencyKey, Command.Result.ACCEPTED, attempts,
                        answer.status(), answer.describe(), sentAt, Instant.now(), answer.body() == null ? null
                        : answer.body().toString());
            }
            if (!retryable(answer)) {
                return new Command(kind, method, path, idempotencyKey, Command.Result.REFUSED, attempts,
                        answer.status(), answer.describe(), sentAt, Instant.now(), answer.body() == null ? null
                        : answer.body().toString());
            }
            if (answer.status() == 401) {
                tokens.remove(client);
            }
            if (Instant.now().plusMillis(backOff).isAfter(giveUpAt)) {
                return new Command(kind, method, path, idempotencyKey, Command.Result.STUCK, attempts,
                        answer.status(), answer.describe(), sentAt, Instant.now(), null);
            }
            sleep(backOff + ThreadLocalRandom.current().nextLong(backOff / 2 + 1));
            backOff = Math.min(MAX_BACK_OFF_MS, backOff * 2);
        }
    }

    /**
     * What a client retries: no answer at all, a server error, a 409 saying the same key is still in progress
     * (its first attempt died with the instance), 401 (a token the auth server's restart or expiry made stale) and
     * 429. Anything else is the service's final word.
     */
    static boolean retryable(Answer answer) {
        if (answer.error() != null || answer.status() >= 500 || answer.status() == 429 || answer.status() == 401) {
            return true;
        }
        if (answer.status() == 409) {
            String detail = answer.field("detail");
            return detail != null && detail.contains("Idempotency-Key") && detail.contains("in progress");
        }
        return false;
    }

    /** A read for the checks: retried on connection errors and 5xx (any instance) until the deadline. */
    Answer read(StackComponent service, String path, String client) {
        List<URI> instances = cluster.baseUrls(service);
        Instant giveUpAt = Instant.now().plus(deadline);
        long backOff = FIRST_BACK_OFF_MS;
        for (int attempt = 0; ; attempt++) {
            Answer answer = exchange("GET", instances.get(attempt % instances.size()).resolve(path), client, null,
                    null);
            if (answer.error() == null && answer.status() < 500 && answer.status() != 401
                    || Instant.now().isAfter(giveUpAt)) {
                return answer;
            }
            if (answer.status() == 401) {
                tokens.remove(client);
            }
            sleep(backOff);
            backOff = Math.min(MAX_BACK_OFF_MS, backOff * 2);
        }
    }

    /** A GET without a token, e.g. the mail server's API. */
    Answer readPlain(URI uri) {
        return exchange("GET", uri, null, null, null);
    }

    private Answer exchange(String method, URI uri, String client, String json, String idempotencyKey) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                    .header("Accept", "application/json");
            if (client != null) {
                request.header("Authorization", "Bearer " + token(client));
            }
            if (idempotencyKey != null) {
                request.header("Idempotency-Key", idempotencyKey);
            }
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = null;
            if (response.body() != null && !response.body().isBlank()) {
                try {
                    body = JSON.readTree(response.body());
                } catch (RuntimeException notJson) {
                    body = JSON.getNodeFactory().stringNode(response.body());
                }
            }
            return new Answer(response.statusCode(), body, null);
        } catch (IOException | RuntimeException e) {
            return new Answer(0, null, e.getClass().getSimpleName() + (e.getMessage() == null ? ""
                    : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null, "interrupted");
        }
    }

    private String token(String client) {
        Token cached = tokens.get(client);
        if (cached != null && Instant.now().isBefore(cached.renewAt())) {
            return cached.value();
        }
        String value = cluster.accessToken(client);
        tokens.put(client, new Token(value, Instant.now().plus(TOKEN_LIFE)));
        return value;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
