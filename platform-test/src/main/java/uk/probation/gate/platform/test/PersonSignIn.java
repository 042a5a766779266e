package uk.probation.gate.platform.test;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signs a named person in at the real authorization server the way a browser and the web application do: the
 * authorization code flow with PKCE, the sign-in form (with its CSRF token), then the code exchanged for tokens.
 * For tests that need a person's real token without a browser.
 */
public final class PersonSignIn {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String authServer;
    private final String clientId;
    private final String clientSecret;
    private final String redirectUri;

    /** The web application's client as the local stack registers it, for a web app at {@code webBaseUrl}. */
    public PersonSignIn(String authServer, String webBaseUrl) {
        this(authServer, "web-app", "web-app-secret", webBaseUrl + "/login/oauth2/code/gate");
    }

    public PersonSignIn(String authServer, String clientId, String clientSecret, String redirectUri) {
        this.authServer = authServer;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.redirectUri = redirectUri;
    }

    /** The tokens the person got: access, ID and refresh. */
    public record Tokens(String accessToken, String idToken, String refreshToken) {
    }

    /** Signs in with the dev password (username + "-dev"). */
    public Tokens signIn(String username) {
        return signIn(username, username + "-dev");
    }

    public Tokens signIn(String username, String password) {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        String verifier = randomUrlSafe();
        String state = UUID.randomUUID().toString();
        String authorize = authServer + "/oauth2/authorize?" + form(Map.of("response_type", "code",
                "client_id", clientId, "scope", "openid profile", "redirect_uri", redirectUri, "state", state,
                "code_challenge", challenge(verifier), "code_challenge_method", "S256"));
        HttpResponse<String> toLogin = send(browser, get(authorize));
        String loginPage = location(toLogin, "the sign-in page");
        HttpResponse<String> form = send(browser, get(loginPage));
        Matcher csrf = CSRF.matcher(form.body());
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the sign-in page " + loginPage);
        }
        HttpResponse<String> signedIn = send(browser, HttpRequest.newBuilder(URI.create(authServer + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password,
                        "_csrf", csrf.group(1))))).build());
        String next = location(signedIn, "the authorization request");
        if (next.contains("/login?error")) {
            throw new IllegalArgumentException("sign-in refused for " + username);
        }
        String callback = location(send(browser, get(next.startsWith("http") ? next : authServer + next)),
                "the web application's callback");
        Map<String, String> query = query(URI.create(callback).getRawQuery());
        if (!state.equals(query.get("state")) || query.get("code") == null) {
            throw new IllegalStateException("callback without a code for this request: " + callback);
        }
        return tokens(Map.of("grant_type", "authorization_code", "code", query.get("code"), "redirect_uri",
                redirectUri, "code_verifier", verifier));
    }

    /** A new access token for the refresh token, as the web application gets one when the old has expired. */
    public Tokens refresh(String refreshToken) {
        return tokens(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    private Tokens tokens(Map<String, String> grant) {
        String basic = Base64.getEncoder()
                .encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = send(HttpClient.newHttpClient(),
                HttpRequest.newBuilder(URI.create(authServer + "/oauth2/token"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(grant))).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token endpoint answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode body = JSON.readTree(response.body());
        return new Tokens(body.path("access_token").asString(), body.path("id_token").asString(null),
                body.path("refresh_token").asString(null));
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build();
    }

    private String location(HttpResponse<String> response, String expected) {
        String location = response.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException(
                "expected a redirect to " + expected + ", got " + response.statusCode() + " from " + response.uri()));
        return location.startsWith("/") ? authServer + location : location;
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> query(String raw) {
        return raw == null ? Map.of() : java.util.Arrays.stream(raw.split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(kv -> kv[0],
                        kv -> kv.length > 1 ? java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : ""));
    }

    private static String randomUrlSafe() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
