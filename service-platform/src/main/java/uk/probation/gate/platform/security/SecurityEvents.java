package uk.probation.gate.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Refused and failed access (401, 403, and the 404 a record outside the caller's reach gets) logged as a security
 * event on the {@code security} logger: the actor, the status, the method and the endpoint, never the payload, the
 * query string or an identifier of a person (a prison number or CRN in a path is masked).
 */
public final class SecurityEvents {

    private static final Logger log = LoggerFactory.getLogger("security");

    private SecurityEvents() {
    }

    public static void refused(HttpServletRequest request, HttpStatus status, String reason) {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        String actor = who == null || !who.isAuthenticated() ? "anonymous" : who.getName();
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String path = pattern != null ? pattern.toString() : mask(request.getRequestURI());
        log.warn("security_event status={} actor={} method={} path={} reason=\"{}\"", status.value(), mask(actor),
                request.getMethod(), path, reason == null ? "" : reason.replace('"', '\''));
    }

    /** Replaces anything shaped like a prison number or a CRN. */
    public static String mask(String text) {
        return PersonIdentifiers.replaceEach(text,
                identifier -> PersonIdentifiers.isPrisonNumber(identifier) ? "[prison-number]" : "[crn]");
    }
}
