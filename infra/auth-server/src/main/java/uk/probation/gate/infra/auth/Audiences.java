package uk.probation.gate.infra.auth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * Who a token may be used at. Each service accepts only tokens whose {@code aud} names it (its
 * spring.application.name). A token is for every audience its client may have unless the token request narrows it
 * with one or more RFC 8707 {@code resource} parameters, e.g. {@code -d resource=referral-service}.
 */
final class Audiences {

    static final String RESOURCE_PARAMETER = "resource";

    /** RFC 8707 section 2: the requested resource is unknown, or not one this client may ask for. */
    static final String INVALID_TARGET = "invalid_target";

    static final List<String> SERVICES = List.of("resettlement-service", "community-payback-service",
            "referral-service", "notifications-service");

    private Audiences() {
    }

    /**
     * The token's audience: every one the client may have, or the requested resources when the request names some.
     *
     * @throws OAuth2AuthenticationException invalid_target (HTTP 400) naming a resource that is not a service, or
     *         not one of this client's
     */
    static List<String> forRequest(Map<String, Object> parameters, List<String> allowed) {
        List<String> requested = requested(parameters.get(RESOURCE_PARAMETER));
        if (requested.isEmpty()) {
            return allowed;
        }
        for (String resource : requested) {
            if (!SERVICES.contains(resource)) {
                throw invalidTarget("resource '" + printable(resource) + "' is not a service; use one of "
                        + String.join(", ", SERVICES));
            }
            if (!allowed.contains(resource)) {
                throw invalidTarget("resource '" + resource + "' is not one this client may use; it may use "
                        + String.join(", ", allowed));
            }
        }
        return requested.stream().distinct().toList();
    }

    private static List<String> requested(Object value) {
        List<String> values = new ArrayList<>();
        if (value instanceof String single) {
            values.add(single);
        } else if (value instanceof String[] several) {
            values.addAll(Arrays.asList(several));
        }
        return values.stream().map(String::strip).toList();
    }

    private static OAuth2AuthenticationException invalidTarget(String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(INVALID_TARGET, description,
                "https://datatracker.ietf.org/doc/html/rfc8707#section-2"));
    }

    /** A requested value echoed in an error: no control characters, and not a page long. */
    static String printable(String value) {
        String clean = value.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 64 ? clean.substring(0, 64) + "..." : clean;
    }
}
