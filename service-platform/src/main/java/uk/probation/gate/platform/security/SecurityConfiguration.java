package uk.probation.gate.platform.security;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;
import uk.probation.gate.platform.web.ProblemResponses;

/**
 * JWT resource server, deny by default; health, metrics and API docs open (actuator answers on the management port
 * only). Tokens must name this service in {@code aud} ({@code spring.security.oauth2.resourceserver.jwt.audiences}).
 * 401/403 answer in problem+json and are logged as security events.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ObjectProvider<AccessRules> rules, JsonMapper json)
            throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**",
                            "/actuator/prometheus", "/actuator/info", "/v3/api-docs", "/v3/api-docs/**",
                            "/swagger-ui.html", "/swagger-ui/**").permitAll();
                    requests.requestMatchers("/error").permitAll();
                    requests.requestMatchers("/api/admin/**", "/api/audit").hasRole(Roles.ADMIN);
                    requests.requestMatchers(HttpMethod.GET, "/subject-access-request")
                            .hasRole(Roles.SAR_DATA_ACCESS);
                    rules.orderedStream().forEach(rule -> rule.apply(requests));
                    requests.anyRequest().denyAll();
                })
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFromClaim()))
                        .authenticationEntryPoint((request, response, e) -> unauthorized(request, response, json, e))
                        .accessDeniedHandler((request, response, e) -> forbidden(request, response, json)))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((request, response, e) -> unauthorized(request, response, json, e))
                        .accessDeniedHandler((request, response, e) -> forbidden(request, response, json)));
        return http.build();
    }

    static JwtAuthenticationConverter rolesFromClaim() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName("roles");
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }

    private static void unauthorized(jakarta.servlet.http.HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response, JsonMapper json,
            org.springframework.security.core.AuthenticationException e) throws java.io.IOException {
        SecurityEvents.refused(request, HttpStatus.UNAUTHORIZED, e.getMessage());
        write(response, json, HttpStatus.UNAUTHORIZED, "Unauthorized", "A valid bearer token is required");
    }

    private static void forbidden(jakarta.servlet.http.HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response, JsonMapper json) throws java.io.IOException {
        SecurityEvents.refused(request, HttpStatus.FORBIDDEN, "role does not allow this");
        write(response, json, HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this");
    }

    private static void write(jakarta.servlet.http.HttpServletResponse response, JsonMapper json, HttpStatus status,
            String title, String detail) throws java.io.IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        json.writeValue(response.getOutputStream(), ProblemResponses.problem(status, title, detail, List.of()));
    }
}
