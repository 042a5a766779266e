package uk.probation.gate.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import uk.probation.gate.web.api.ApiProblem;
import uk.probation.gate.web.api.RecordNotFound;
import uk.probation.gate.web.api.ServiceUnavailable;

/**
 * A record that is unknown or outside where the person works is "Page not found" (404), the same as an unknown
 * address; a service refusing is "You do not have access"; a service down is "Sorry, there is a problem".
 */
@ControllerAdvice
class ErrorPages {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    private final GlobalModel global;

    ErrorPages(GlobalModel global) {
        this.global = global;
    }

    @ExceptionHandler({RecordNotFound.class, NoResourceFoundException.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model, HttpServletRequest request) {
        global.addTo(model, request);
        return "error/404";
    }

    @ExceptionHandler(ApiProblem.class)
    String problem(ApiProblem problem, HttpServletResponse response, Model model, HttpServletRequest request) {
        global.addTo(model, request);
        if (problem.status() == 401) {
            return "redirect:/oauth2/authorization/gate";
        }
        if (problem.status() == 403) {
            response.setStatus(403);
            return "error/403";
        }
        log.warn("unhandled service answer: {}", problem.getMessage());
        response.setStatus(500);
        return "error/500";
    }

    /** The refresh token has expired or was revoked: sign in again. */
    @ExceptionHandler({ClientAuthorizationRequiredException.class, ClientAuthorizationException.class})
    String signInAgain() {
        return "redirect:/oauth2/authorization/gate";
    }

    @ExceptionHandler(ServiceUnavailable.class)
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    String unavailable(ServiceUnavailable e, Model model, HttpServletRequest request) {
        global.addTo(model, request);
        log.warn("service unavailable: {}", e.getMessage());
        return "error/500";
    }
}
