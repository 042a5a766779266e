package uk.probation.gate.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sets the CSRF cookie before the page is written. Spring Security makes the token only when a form first asks for
 * it, and the cookie then goes in a response header: on a long page (Admin &gt; Background work, four services'
 * sections) the response was already committed by the time the first form was rendered, the cookie was dropped, and
 * pressing any button on that page was refused with 403 (AdminJourneyIT caught it, intermittently, depending on
 * whether an earlier, shorter page had set the cookie). Registered in the security filter chain after the CSRF
 * filter.
 */
final class CsrfCookieFirst extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            // loads the token, or makes one and adds its cookie to the response while headers can still be set
            token.getToken();
        }
        chain.doFilter(request, response);
    }
}
