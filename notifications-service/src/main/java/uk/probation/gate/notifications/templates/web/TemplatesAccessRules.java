package uk.probation.gate.notifications.templates.web;

import static uk.probation.gate.platform.security.Roles.ADMIN;

import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import uk.probation.gate.platform.security.AccessRules;

/** Templates are maintained by administrators, as in api.md. */
@Component
class TemplatesAccessRules implements AccessRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers("/api/templates", "/api/templates/**").hasRole(ADMIN);
    }
}
