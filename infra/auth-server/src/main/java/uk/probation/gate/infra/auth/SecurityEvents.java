package uk.probation.gate.infra.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2ErrorAuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * Failed sign-ins and refused token requests, logged on logger {@code security} as the services log theirs:
 * {@code security_event event=... status=... client=...|username=... error=...}. Never a password or a secret, never
 * the request body; a client id or username is logged as sent, with control characters replaced and cut at 64
 * characters.
 */
final class SecurityEvents {

    private static final Logger log = LoggerFactory.getLogger("security");

    private SecurityEvents() {
    }

    /** The sign-in form: logs the username tried, then back to the form with its error. */
    static AuthenticationFailureHandler signInFailed() {
        AuthenticationFailureHandler form = new SimpleUrlAuthenticationFailureHandler("/login?error");
        return (request, response, exception) -> {
            log.warn("security_event event=sign_in_failed status=401 username={} reason={}",
                    Audiences.printable(String.valueOf(request.getParameter("username"))),
                    exception.getClass().getSimpleName());
            form.onAuthenticationFailure(request, response, exception);
        };
    }

    /**
     * The token endpoint refused a request from an authenticated client (unknown resource, bad grant, ...): logs
     * it, then Spring's 400 with the OAuth2 error.
     */
    static AuthenticationFailureHandler tokenRequestRefused() {
        AuthenticationFailureHandler spring = new OAuth2ErrorAuthenticationFailureHandler();
        return (request, response, exception) -> {
            log.warn("security_event event=token_refused status=400 client={} grant_type={} error={}",
                    clientId(request), Audiences.printable(String.valueOf(request.getParameter("grant_type"))),
                    errorCode(exception));
            spring.onAuthenticationFailure(request, response, exception);
        };
    }

    /**
     * Client authentication failed (unknown client, wrong secret): logs it, then answers as Spring's own client
     * authentication filter does (401 for invalid_client, otherwise 400; the error code only).
     */
    static AuthenticationFailureHandler clientAuthenticationFailed() {
        OAuth2ErrorHttpMessageConverter converter = new OAuth2ErrorHttpMessageConverter();
        return (request, response, exception) -> {
            String error = errorCode(exception);
            HttpStatus status = OAuth2ErrorCodes.INVALID_CLIENT.equals(error) ? HttpStatus.UNAUTHORIZED
                    : HttpStatus.BAD_REQUEST;
            log.warn("security_event event=client_authentication_failed status={} client={} path={} error={}",
                    status.value(), clientId(request), request.getRequestURI(), error);
            SecurityContextHolder.clearContext();
            writeError(converter, response, status, error);
        };
    }

    private static void writeError(OAuth2ErrorHttpMessageConverter converter, HttpServletResponse response,
            HttpStatus status, String error) throws IOException {
        ServletServerHttpResponse http = new ServletServerHttpResponse(response);
        http.setStatusCode(status);
        converter.write(new OAuth2Error(error), null, http);
    }

    private static String errorCode(AuthenticationException exception) {
        return exception instanceof OAuth2AuthenticationException oauth2 ? oauth2.getError().getErrorCode()
                : exception.getClass().getSimpleName();
    }

    /** The client that was authenticated, else the one the request names (Basic user or client_id parameter). */
    static String clientId(HttpServletRequest request) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current instanceof OAuth2ClientAuthenticationToken client && client.getRegisteredClient() != null) {
            return client.getRegisteredClient().getClientId();
        }
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                // only the part before the colon: the secret after it is never logged
                return Audiences.printable(colon < 0 ? decoded : decoded.substring(0, colon));
            } catch (IllegalArgumentException notBase64) {
                return "(malformed basic credentials)";
            }
        }
        String parameter = request.getParameter("client_id");
        return parameter == null ? "(none)" : Audiences.printable(parameter);
    }
}
