package uk.probation.gate.communitypayback.order.web;

import static uk.probation.gate.platform.security.Roles.ADMIN;
import static uk.probation.gate.platform.security.Roles.OPS_VIEWER;
import static uk.probation.gate.platform.security.Roles.PLACEMENT_COORDINATOR;
import static uk.probation.gate.platform.security.Roles.SUPERVISOR;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import uk.probation.gate.platform.security.AccessRules;

/**
 * Who may call what, as in api.md. Coordinators change things in their areas; supervisors read their areas'
 * sessions and record attendance, nothing else; operations (and ADMIN for sessions and figures) read nationally.
 *
 * <pre>
 * GET  /api/sessions, /api/sessions/{id}             COORDINATOR, SUPERVISOR, OPS_VIEWER, ADMIN
 * POST /api/sessions/{id}/attendance                 COORDINATOR, SUPERVISOR
 * GET  /api/outcomes/unpaid-work                     OPS_VIEWER, ADMIN
 * GET  /api/orders[/{id}], /api/projects[/{code}],
 *      /api/capacity                                 COORDINATOR, OPS_VIEWER
 * every other /api/orders, /api/projects, /api/sessions call   COORDINATOR
 * </pre>
 */
@Component
class CommunityPaybackAccessRules implements AccessRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(HttpMethod.GET, "/api/sessions", "/api/sessions/*")
                .hasAnyRole(PLACEMENT_COORDINATOR, SUPERVISOR, OPS_VIEWER, ADMIN)
                .requestMatchers(HttpMethod.POST, "/api/sessions/*/attendance")
                .hasAnyRole(PLACEMENT_COORDINATOR, SUPERVISOR)
                .requestMatchers(HttpMethod.GET, "/api/outcomes/unpaid-work").hasAnyRole(OPS_VIEWER, ADMIN)
                .requestMatchers(HttpMethod.GET, "/api/orders", "/api/orders/*", "/api/projects", "/api/projects/*",
                        "/api/capacity").hasAnyRole(PLACEMENT_COORDINATOR, OPS_VIEWER)
                .requestMatchers("/api/orders", "/api/orders/**", "/api/projects", "/api/projects/**",
                        "/api/sessions/**").hasRole(PLACEMENT_COORDINATOR);
    }
}
