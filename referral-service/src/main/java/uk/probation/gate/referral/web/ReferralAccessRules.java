package uk.probation.gate.referral.web;

import static uk.probation.gate.platform.security.Roles.ADMIN;
import static uk.probation.gate.platform.security.Roles.OPS_VIEWER;
import static uk.probation.gate.platform.security.Roles.PLACEMENT_COORDINATOR;
import static uk.probation.gate.platform.security.Roles.PROVIDER;
import static uk.probation.gate.platform.security.Roles.RESETTLEMENT_CASEWORKER;
import static uk.probation.gate.platform.security.Roles.RESPONSIBLE_OFFICER;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import uk.probation.gate.platform.security.AccessRules;

/**
 * Who may call what, as in api.md; dead-letter replay (/api/admin/**) is ADMIN by the platform. Which referrals a
 * caller sees is narrowed further by where it works (platform {@code Caller}): a PROVIDER its {@code provider}, a
 * caseworker its {@code prisons}, a coordinator its {@code areas}.
 */
@Component
class ReferralAccessRules implements AccessRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(HttpMethod.GET, "/api/people/*").hasAnyRole(ADMIN, OPS_VIEWER)
                .requestMatchers(HttpMethod.GET, "/api/providers").authenticated()
                .requestMatchers(HttpMethod.GET, "/api/routing-rules", "/api/routing-rules/changes")
                .hasAnyRole(ADMIN, OPS_VIEWER)
                .requestMatchers(HttpMethod.PUT, "/api/routing-rules").hasRole(ADMIN)
                .requestMatchers(HttpMethod.GET, "/api/referrals")
                .hasAnyRole(PROVIDER, ADMIN, OPS_VIEWER, RESETTLEMENT_CASEWORKER, PLACEMENT_COORDINATOR,
                        RESPONSIBLE_OFFICER)
                .requestMatchers(HttpMethod.GET, "/api/release-readiness")
                .hasAnyRole(RESETTLEMENT_CASEWORKER, ADMIN, OPS_VIEWER)
                .requestMatchers(HttpMethod.GET, "/api/referrals/*/end-of-service-report")
                .hasAnyRole(PROVIDER, ADMIN, OPS_VIEWER, RESETTLEMENT_CASEWORKER, PLACEMENT_COORDINATOR,
                        RESPONSIBLE_OFFICER)
                .requestMatchers(HttpMethod.GET, "/api/provider-performance").hasAnyRole(ADMIN, OPS_VIEWER)
                .requestMatchers(HttpMethod.GET, "/api/referrals/*")
                .hasAnyRole(PROVIDER, ADMIN, OPS_VIEWER, RESETTLEMENT_CASEWORKER, PLACEMENT_COORDINATOR,
                        RESPONSIBLE_OFFICER)
                .requestMatchers(HttpMethod.POST, "/api/referrals")
                .hasAnyRole(RESETTLEMENT_CASEWORKER, PLACEMENT_COORDINATOR)
                .requestMatchers(HttpMethod.POST, "/api/referrals/*/acceptance", "/api/referrals/*/decline",
                        "/api/referrals/*/start", "/api/referrals/*/outcome", "/api/referrals/*/closure")
                .hasRole(PROVIDER)
                .requestMatchers(HttpMethod.GET, "/api/releases", "/api/releases/*").hasAnyRole(ADMIN, OPS_VIEWER);
    }
}
