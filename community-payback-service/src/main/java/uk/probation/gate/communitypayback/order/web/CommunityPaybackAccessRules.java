package uk.probation.gate.communitypayback.order.web;

import static uk.probation.gate.platform.security.Roles.OPS_VIEWER;
import static uk.probation.gate.platform.security.Roles.PLACEMENT_COORDINATOR;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import uk.probation.gate.platform.security.AccessRules;

/** Who may call what, as in api.md: coordinators change things, operations can read. */
@Component
class CommunityPaybackAccessRules implements AccessRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(HttpMethod.GET, "/api/orders", "/api/orders/*", "/api/projects", "/api/projects/*",
                        "/api/sessions/*", "/api/capacity").hasAnyRole(PLACEMENT_COORDINATOR, OPS_VIEWER)
                .requestMatchers("/api/orders", "/api/orders/**", "/api/projects", "/api/projects/**",
                        "/api/sessions/**").hasRole(PLACEMENT_COORDINATOR);
    }
}
