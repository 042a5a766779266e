package uk.probation.gate.resettlement.caseload.web;

import static uk.probation.gate.platform.security.Roles.OPS_VIEWER;
import static uk.probation.gate.platform.security.Roles.RESETTLEMENT_CASEWORKER;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import uk.probation.gate.platform.security.AccessRules;

/** Who may call what, as in api.md. */
@Component
class ResettlementAccessRules implements AccessRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(HttpMethod.POST, "/api/cases").hasRole(RESETTLEMENT_CASEWORKER)
                .requestMatchers(HttpMethod.GET, "/api/cases/*").hasAnyRole(RESETTLEMENT_CASEWORKER, OPS_VIEWER)
                .requestMatchers(HttpMethod.GET, "/api/caseload").hasRole(RESETTLEMENT_CASEWORKER)
                .requestMatchers("/api/cases/**").hasRole(RESETTLEMENT_CASEWORKER);
    }
}
