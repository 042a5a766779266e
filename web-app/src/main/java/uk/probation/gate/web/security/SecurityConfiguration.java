package uk.probation.gate.web.security;

import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import uk.probation.gate.web.WebProperties;

/**
 * Sign-in with the authorization code flow and PKCE at the auth server (registration {@value #REGISTRATION}),
 * sign-out at both ends, and every page behind sign-in except the assets and the public pages.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

    static final String REGISTRATION = "gate";
    static final String SIGN_IN = "/oauth2/authorization/" + REGISTRATION;

    /** The endpoints come from the issuer's documented paths, not discovery: the app starts without the auth server. */
    @Bean
    ClientRegistrationRepository clientRegistrations(WebProperties properties,
            @Value("${web.client-id:web-app}") String clientId,
            @Value("${web.client-secret:web-app-secret}") String clientSecret) {
        String issuer = properties.authServer().toString().replaceAll("/+$", "");
        String backchannel = properties.authServerBackchannel() == null ? issuer
                : properties.authServerBackchannel().toString().replaceAll("/+$", "");
        ClientRegistration gate = ClientRegistration.withRegistrationId(REGISTRATION)
                .clientId(clientId)
                .clientSecret(clientSecret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile")
                .authorizationUri(issuer + "/oauth2/authorize")
                .tokenUri(backchannel + "/oauth2/token")
                .jwkSetUri(backchannel + "/oauth2/jwks")
                .issuerUri(issuer)
                .userNameAttributeName("sub")
                .providerConfigurationMetadata(Map.of("end_session_endpoint", issuer + "/connect/logout"))
                .clientName("Through the Gate")
                .build();
        return new InMemoryClientRegistrationRepository(gate);
    }

    /** Hands out the person's access token for API calls, refreshing it with the refresh token when it expires. */
    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientRepository authorizedClients) {
        DefaultOAuth2AuthorizedClientManager manager =
                new DefaultOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode().refreshToken().build());
        return manager;
    }

    @Bean
    SecurityFilterChain pages(HttpSecurity http, ClientRegistrationRepository registrations,
            UnfinishedForms unfinishedForms) throws Exception {
        DefaultOAuth2AuthorizationRequestResolver pkce =
                new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
        pkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        OidcClientInitiatedLogoutSuccessHandler signedOut = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        signedOut.setPostLogoutRedirectUri("{baseUrl}/signed-out");

        http.authorizeHttpRequests(pages -> pages
                        .requestMatchers("/assets/**", "/govuk/**", "/webjars/**", "/app/**", "/favicon.ico",
                                "/accessibility", "/signed-out", "/error", "/actuator/health/**", "/actuator/health",
                                "/actuator/info")
                        .permitAll()
                        .anyRequest().authenticated())
                .oauth2Login(login -> login
                        .loginPage(SIGN_IN)
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(pkce))
                        .userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(new RolesFromToken())))
                .oauth2Client(client -> { })
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(SIGN_IN)))
                // a link in the header signs out, so it works without JavaScript
                .logout(logout -> logout
                        .logoutRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/sign-out"))
                        .logoutSuccessHandler(signedOut))
                // the token lives in a cookie, so a form posted after the session timed out still passes CSRF and
                // its input can be kept through the new sign-in (UnfinishedForms)
                .csrf(csrf -> csrf.csrfTokenRepository(csrfCookie()))
                .addFilterAfter(new CsrfCookieFirst(), CsrfFilter.class)
                .addFilterAfter(unfinishedForms, CsrfCookieFirst.class)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; "
                                + "img-src 'self' data:; object-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }

    private static CookieCsrfTokenRepository csrfCookie() {
        CookieCsrfTokenRepository repository = new CookieCsrfTokenRepository();
        repository.setCookieName("GATE-XSRF");
        repository.setCookiePath("/");
        return repository;
    }
}
