package uk.probation.gate.notifications.deliverylog.web;

import static uk.probation.gate.platform.security.Roles.ADMIN;
import static uk.probation.gate.platform.security.Roles.OPS_VIEWER;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import uk.probation.gate.platform.security.AccessRules;

/** Who may call what, as in api.md; dead-letter replay (/api/admin/**) is ADMIN by the platform. */
@Component
class NotificationsAccessRules implements AccessRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(HttpMethod.GET, "/api/notifications").hasAnyRole(ADMIN, OPS_VIEWER);
    }
}
