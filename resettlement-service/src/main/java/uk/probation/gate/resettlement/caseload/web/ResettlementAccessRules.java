package uk.probation.gate.resettlement.caseload.web;

import static uk.probation.gate.platform.security.Roles.ADMIN;
import static uk.probation.gate.platform.security.Roles.OPS_VIEWER;
import static uk.probation.gate.platform.security.Roles.RESETTLEMENT_CASEWORKER;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import uk.probation.gate.platform.security.AccessRules;

/**
 * Who may call what, as in api.md. Roles only: where a caseworker works ({@code prisons}) is checked on each case
 * ({@code CaseStore.get}) and list ({@code Caseload}), so a case at another prison answers 404 like an unknown id.
 */
@Component
class ResettlementAccessRules implements AccessRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(HttpMethod.POST, "/api/cases").hasRole(RESETTLEMENT_CASEWORKER)
                .requestMatchers(HttpMethod.GET, "/api/cases/*", "/api/cases/*/timeline")
                .hasAnyRole(RESETTLEMENT_CASEWORKER, OPS_VIEWER, ADMIN)
                .requestMatchers(HttpMethod.GET, "/api/caseload").hasRole(RESETTLEMENT_CASEWORKER)
                .requestMatchers(HttpMethod.GET, "/api/screening-questions/**")
                .hasAnyRole(RESETTLEMENT_CASEWORKER, OPS_VIEWER, ADMIN)
                .requestMatchers(HttpMethod.PUT, "/api/screening-questions/*").hasRole(ADMIN)
                .requestMatchers(HttpMethod.GET, "/api/outcomes/**").hasAnyRole(OPS_VIEWER, ADMIN)
                .requestMatchers("/api/cases/**").hasRole(RESETTLEMENT_CASEWORKER);
    }
}
