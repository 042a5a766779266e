package uk.probation.gate.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Input is not lost when the session times out: a form posted without a session is kept, the person signs in
 * again, and the same page opens with what they typed (request attribute {@link #RESTORED}), not yet saved.
 * Registered in the security filter chain only (see {@code SecurityConfiguration}), not as a servlet filter.
 */
@Component
public class UnfinishedForms extends OncePerRequestFilter {

    /** Set on the request when the page's form fields come from a form posted before a time-out. */
    public static final String RESTORED = UnfinishedForms.class.getName() + ".RESTORED";
    private static final String KEPT = UnfinishedForms.class.getName() + ".KEPT";

    private final RequestCache requestCache = new HttpSessionRequestCache();

    record Kept(String path, HashMap<String, String[]> parameters) implements Serializable {
    }

    public static boolean restored(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(RESTORED));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if ("POST".equals(request.getMethod()) && !signedIn() && isPageForm(path)) {
            HashMap<String, String[]> parameters = new HashMap<>(request.getParameterMap());
            parameters.remove("_csrf");
            request.getSession(true).setAttribute(KEPT, new Kept(path, parameters));
            requestCache.saveRequest(new AsGet(request, Map.of()), response);
            response.sendRedirect(request.getContextPath() + SecurityConfiguration.SIGN_IN);
            return;
        }
        HttpSession session = request.getSession(false);
        if ("GET".equals(request.getMethod()) && signedIn() && session != null
                && session.getAttribute(KEPT) instanceof Kept kept && kept.path().equals(path)) {
            session.removeAttribute(KEPT);
            AsGet withInput = new AsGet(request, kept.parameters());
            withInput.setAttribute(RESTORED, true);
            chain.doFilter(withInput, response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isPageForm(String path) {
        return !path.startsWith("/login") && !path.startsWith("/oauth2") && !path.startsWith("/sign-out")
                && !path.startsWith("/session");
    }

    private static boolean signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }

    /** The request as a GET of the same page, with the kept form fields as its parameters. */
    private static final class AsGet extends HttpServletRequestWrapper {
        private final Map<String, String[]> parameters;

        AsGet(HttpServletRequest request, Map<String, String[]> kept) {
            super(request);
            Map<String, String[]> merged = new HashMap<>(request.getParameterMap());
            merged.putAll(kept);
            this.parameters = Collections.unmodifiableMap(merged);
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return parameters.get(name);
        }
    }
}
