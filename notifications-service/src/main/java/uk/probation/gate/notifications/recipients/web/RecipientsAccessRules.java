package uk.probation.gate.notifications.recipients.web;

import static uk.probation.gate.platform.security.Roles.ADMIN;

import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import uk.probation.gate.platform.security.AccessRules;

/** The directory holds contact details: ADMIN only, as in api.md. */
@Component
class RecipientsAccessRules implements AccessRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers("/api/recipients", "/api/recipients/**").hasRole(ADMIN);
    }
}
