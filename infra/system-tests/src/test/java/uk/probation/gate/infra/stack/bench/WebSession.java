package uk.probation.gate.infra.stack.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person signed in to the web application as a browser is: asking for a page sends them through the auth server's
 * sign-in form (authorization code + PKCE, done by the web app), and the session cookie then carries them. The web
 * app's cookie (GATE_SESSION) and the auth server's (JSESSIONID) share the host 127.0.0.1 but not their names.
 */
final class WebSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();
    private final String webApp;

    private WebSession(String webApp) {
        this.webApp = webApp;
    }

    /** Signs {@code username} in with the dev password (username + "-dev"), landing on {@code firstPage}. */
    static WebSession signIn(String webApp, String authServer, String username, String firstPage) {
        WebSession session = new WebSession(webApp);
        HttpResponse<String> login = session.send(get(webApp + firstPage));
        Matcher csrf = CSRF.matcher(login.body());
        if (!csrf.find()) {
            throw new IllegalStateException("no sign-in form on the way to " + firstPage + " (HTTP "
                    + login.statusCode() + " at " + login.uri() + ")");
        }
        String form = "username=" + enc(username) + "&password=" + enc(username + "-dev") + "&_csrf=" + enc(csrf.group(1));
        HttpResponse<String> landed = session.send(HttpRequest.newBuilder(URI.create(authServer + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (landed.statusCode() != 200 || !landed.uri().toString().startsWith(webApp)) {
            throw new IllegalStateException("sign-in of a dev user ended at HTTP " + landed.statusCode() + " "
                    + landed.uri().getPath());
        }
        return session;
    }

    /** GETs a page; its status (200 expected) and how long the whole answer took. */
    long[] time(String path) {
        long start = System.nanoTime();
        HttpResponse<String> page = send(get(webApp + path));
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new long[] {page.statusCode(), millis, page.uri().toString().startsWith(webApp + path) ? 1 : 0};
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").timeout(Duration.ofSeconds(60))
                .GET().build();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return browser.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri().getPath() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
