package uk.probation.gate.infra.auth;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * The OAuth2 and OIDC endpoints (RP-initiated sign-out at /connect/logout included), the sign-in form for named
 * users, an open health check, and nothing else. Failed sign-ins and refused token requests are logged as
 * security events ({@link SecurityEvents}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerEndpoints(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(server -> {
                    http.securityMatcher(server.getEndpointsMatcher());
                    // OIDC: discovery for resource servers, ID tokens and sign-out for the web application
                    server.oidc(Customizer.withDefaults());
                    // refused token requests and failed client authentication are security events
                    server.tokenEndpoint(token -> token.errorResponseHandler(SecurityEvents.tokenRequestRefused()));
                    server.clientAuthentication(client -> client
                            .errorResponseHandler(SecurityEvents.clientAuthenticationFailed()));
                })
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                // a browser sent to /oauth2/authorize without a session signs in first
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain signIn(HttpSecurity http) throws Exception {
        // only the authorization endpoint's chain remembers where to go back to after sign-in: a stray request here
        // (a favicon, an old bookmark) must never become the page a person lands on
        HttpSessionRequestCache readOnly = new HttpSessionRequestCache();
        readOnly.setRequestMatcher(request -> false);
        http.requestCache(cache -> cache.requestCache(readOnly))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/login", "/assets/**", "/govuk/**", "/error").permitAll()
                        .requestMatchers("/").authenticated()
                        .anyRequest().denyAll())
                .formLogin(form -> form.loginPage("/login").failureHandler(SecurityEvents.signInFailed()).permitAll());
        return http.build();
    }
}
