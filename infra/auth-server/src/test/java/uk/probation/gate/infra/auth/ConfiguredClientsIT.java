package uk.probation.gate.infra.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import uk.probation.gate.platform.test.PersonSignIn;

/**
 * Without the dev profile the auth server has no dev users and no dev clients: it starts only with configured
 * clients, and never hands out tokens that live longer than ten minutes.
 */
class ConfiguredClientsIT {

    @TempDir
    Path dataDir;

    @Test
    void withoutTheDevProfileAndWithoutConfiguredClientsTheServerRefusesToStartSayingWhatToConfigure() {
        assertThatThrownBy(() -> start("--auth.web-app.secret=").close())
                .satisfies(failure -> assertThat(rootCause(failure))
                        .isInstanceOf(AuthConfigurationException.class)
                        .hasMessageContaining("No OAuth2 clients are configured")
                        .hasMessageContaining("'dev' profile")
                        .hasMessageContaining("SPRING_PROFILES_ACTIVE=dev")
                        .hasMessageContaining("auth.clients.<client-id>.secret")
                        .hasMessageContaining("WEB_APP_CLIENT_SECRET"));
    }

    @Test
    void withConfiguredClientsItStartsWithThemOnlyAndNoDevUsersOrDevClients() throws Exception {
        try (ConfigurableApplicationContext context = start(
                "--auth.clients.hmpps-sar.secret=a-secret-from-the-environment",
                "--auth.clients.hmpps-sar.roles=SAR_DATA_ACCESS",
                "--auth.clients.hmpps-sar.audiences=referral-service,notifications-service",
                "--auth.web-app.secret=web-app-secret-from-the-environment")) {
            TokenEndpoint endpoint = new TokenEndpoint(port(context));

            JWTClaimsSet claims = endpoint.tokenWithSecret("hmpps-sar", "a-secret-from-the-environment").getJWTClaimsSet();
            assertThat(claims.getStringListClaim("roles")).containsExactly("SAR_DATA_ACCESS");
            assertThat(claims.getAudience()).containsExactlyInAnyOrder("referral-service", "notifications-service");
            assertThat(claims.getStringClaim("client_id")).isEqualTo("hmpps-sar");
            assertThat(endpoint.tokenWithSecret("hmpps-sar", "a-secret-from-the-environment", "referral-service")
                    .getJWTClaimsSet().getAudience()).containsExactly("referral-service");
            // a service outside the client's configured audiences cannot be asked for
            HttpResponse<String> outside = endpoint.requestToken("hmpps-sar", "a-secret-from-the-environment",
                    "resettlement-service");
            assertThat(outside.statusCode()).isEqualTo(400);
            assertThat(outside.body()).contains("invalid_target");
            assertThat(endpoint.requestToken("hmpps-sar", "hmpps-sar-dev-secret").statusCode()).isEqualTo(401);

            // no dev client and no dev user exists
            for (DevClient client : DevClients.all()) {
                assertThat(endpoint.requestToken(client.clientId(), client.secret()).statusCode())
                        .as(client.clientId()).isEqualTo(401);
            }
            PersonSignIn webApp = new PersonSignIn("http://127.0.0.1:" + port(context), "web-app",
                    "web-app-secret-from-the-environment", "http://127.0.0.1:8080/login/oauth2/code/gate");
            for (String username : List.of("admin", "cw-nottingham")) {
                assertThatThrownBy(() -> webApp.signIn(username)).as(username)
                        .isInstanceOf(IllegalArgumentException.class);
            }
        }
    }

    @Test
    void aClientTokenLifetimeAboveTenMinutesStopsTheStart() {
        assertThatThrownBy(() -> start("--spring.profiles.active=dev", "--auth.token-ttl=PT11M").close())
                .satisfies(failure -> assertThat(rootCause(failure))
                        .isInstanceOf(AuthConfigurationException.class)
                        .hasMessageContaining("auth.token-ttl is PT11M")
                        .hasMessageContaining("at most PT10M"));
        assertThatThrownBy(() -> start("--spring.profiles.active=dev", "--auth.user-token-ttl=PT1H").close())
                .satisfies(failure -> assertThat(rootCause(failure)).hasMessageContaining("auth.user-token-ttl"));
    }

    @Test
    void aConfiguredClientWithoutASecretOrWithAnUnknownAudienceStopsTheStart() {
        assertThatThrownBy(() -> start("--auth.clients.reporting.roles=OPS_VIEWER").close())
                .satisfies(failure -> assertThat(rootCause(failure))
                        .hasMessageContaining("auth.clients.reporting.secret is not set"));
        assertThatThrownBy(() -> start("--auth.clients.reporting.secret=s", "--auth.clients.reporting.roles=OPS_VIEWER",
                "--auth.clients.reporting.audiences=payroll-service").close())
                .satisfies(failure -> assertThat(rootCause(failure))
                        .hasMessageContaining("auth.clients.reporting.audiences names 'payroll-service'"));
    }

    private ConfigurableApplicationContext start(String... args) {
        List<String> all = new ArrayList<>(List.of("--server.port=0", "--auth.key-file=" + dataDir.resolve("jwk.json")));
        all.addAll(List.of(args));
        return new SpringApplicationBuilder(AuthServerApplication.class).run(all.toArray(String[]::new));
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
