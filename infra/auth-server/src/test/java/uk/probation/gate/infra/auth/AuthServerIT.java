package uk.probation.gate.infra.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.probation.gate.platform.test.LogCapture;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("dev")
class AuthServerIT {

    static final List<String> ALL_SERVICES = List.of("resettlement-service", "community-payback-service",
            "referral-service", "notifications-service");

    @TempDir
    static Path keyDir;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void keyFile(DynamicPropertyRegistry registry) {
        registry.add("auth.key-file", () -> keyDir.resolve("jwk.json").toString());
    }

    private TokenEndpoint endpoint() {
        return new TokenEndpoint(port);
    }

    @ParameterizedTest
    @CsvSource({
            "caseworker, RESETTLEMENT_CASEWORKER",
            "coordinator, PLACEMENT_COORDINATOR",
            "responsible-officer, RESPONSIBLE_OFFICER",
            "ops-viewer, OPS_VIEWER",
            "admin, ADMIN",
            "sar-data-access, SAR_DATA_ACCESS"})
    void aRoleClientGetsASignedTokenCarryingItsRoleAndNoProvider(String clientId, String role) throws Exception {
        SignedJWT token = endpoint().token(clientId);

        assertThat(token.getJWTClaimsSet().getStringListClaim("roles")).containsExactly(role);
        assertThat(token.getJWTClaimsSet().getClaim("provider")).isNull();
        assertThat(token.getJWTClaimsSet().getSubject()).isEqualTo(clientId);
        assertThat(token.getJWTClaimsSet().getIssuer()).isEqualTo("http://127.0.0.1:9000");
        RSAKey published = endpoint().jwks().getKeyByKeyId(token.getHeader().getKeyID()).toRSAKey();
        assertThat(token.verify(new RSASSAVerifier(published))).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            "provider-ingeus, INGEUS",
            "provider-change-grow-live, CHANGE_GROW_LIVE",
            "provider-new-dawn-new-day, NEW_DAWN_NEW_DAY",
            "provider-womens-work, WOMENS_WORK",
            "provider-nottingham-womens-centre, NOTTINGHAM_WOMENS_CENTRE",
            "provider-changing-lives, CHANGING_LIVES",
            "provider-st-giles-trust, ST_GILES_TRUST",
            "provider-sova, SOVA",
            "provider-user-voice, USER_VOICE",
            "provider-in-house-housing, IN_HOUSE_HOUSING"})
    void aProviderClientGetsTheProviderRoleAndItsOwnProviderCode(String clientId, String providerCode) throws Exception {
        SignedJWT token = endpoint().token(clientId);

        assertThat(token.getJWTClaimsSet().getStringListClaim("roles")).isEqualTo(List.of("PROVIDER"));
        assertThat(token.getJWTClaimsSet().getStringClaim("provider")).isEqualTo(providerCode);
    }

    @Test
    void anAccessTokenIsForAllFourServicesByDefaultAndNamesItsClient() throws Exception {
        JWTClaimsSet claims = endpoint().token("caseworker").getJWTClaimsSet();

        assertThat(claims.getAudience()).containsExactlyInAnyOrderElementsOf(ALL_SERVICES);
        assertThat(claims.getStringClaim("client_id")).isEqualTo("caseworker");
        JWTClaimsSet provider = endpoint().token("provider-sova").getJWTClaimsSet();
        assertThat(provider.getAudience()).containsExactlyInAnyOrderElementsOf(ALL_SERVICES);
        assertThat(provider.getStringClaim("client_id")).isEqualTo("provider-sova");
    }

    @Test
    void theResourceParameterNarrowsTheAudienceToTheServicesNamed() throws Exception {
        JWTClaimsSet one = endpoint().token("caseworker", "referral-service").getJWTClaimsSet();
        assertThat(one.getAudience()).containsExactly("referral-service");

        JWTClaimsSet two = endpoint().token("sar-data-access", "resettlement-service", "notifications-service")
                .getJWTClaimsSet();
        assertThat(two.getAudience()).containsExactlyInAnyOrder("resettlement-service", "notifications-service");
        assertThat(two.getStringListClaim("roles")).containsExactly("SAR_DATA_ACCESS");
    }

    @Test
    void aResourceThatIsNotAServiceIsRefusedAsAnInvalidTargetAndLogged() throws Exception {
        try (LogCapture logs = LogCapture.capture()) {
            HttpResponse<String> response = endpoint().requestToken("caseworker", "caseworker-dev-secret",
                    "referral-service", "payroll-service");

            assertThat(response.statusCode()).isEqualTo(400);
            Map<String, Object> error = JSONObjectUtils.parse(response.body());
            assertThat(error.get("error")).isEqualTo("invalid_target");
            assertThat((String) error.get("error_description")).contains("payroll-service");
            assertThat(logs.lines()).anySatisfy(line -> assertThat(line).startsWith("security security_event")
                    .contains("event=token_refused").contains("client=caseworker").contains("error=invalid_target"));
            logs.assertNoLineContains("caseworker-dev-secret");
        }
    }

    @Test
    void aClientTokenLivesAtMostTenMinutes() throws Exception {
        JWTClaimsSet claims = endpoint().token("admin").getJWTClaimsSet();

        long lifetime = Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant())
                .toSeconds();
        assertThat(lifetime).isPositive().isLessThanOrEqualTo(600);
    }

    @Test
    void everyDevClientHasItsOwnSecretAndAnotherClientsSecretIsRefused() throws Exception {
        for (DevClient client : DevClients.all()) {
            assertThat(client.secret()).isEqualTo(client.clientId() + "-dev-secret");
            assertThat(endpoint().requestToken(client.clientId(), client.secret()).statusCode())
                    .as(client.clientId()).isEqualTo(200);
        }
        assertThat(endpoint().requestToken("caseworker", "admin-dev-secret").statusCode()).isEqualTo(401);
        assertThat(endpoint().requestToken("admin", "caseworker-dev-secret").statusCode()).isEqualTo(401);
        // the secret every client used to share opens none of them
        assertThat(endpoint().requestToken("caseworker", "dev-secret").statusCode()).isEqualTo(401);
    }

    @Test
    void aWrongSecretIsRefusedAndLoggedWithTheClientIdButNeverTheSecret() throws Exception {
        try (LogCapture logs = LogCapture.capture()) {
            assertThat(endpoint().requestToken("caseworker", "not-the-secret").statusCode()).isEqualTo(401);

            assertThat(logs.lines()).anySatisfy(line -> assertThat(line).startsWith("security security_event")
                    .contains("event=client_authentication_failed").contains("status=401")
                    .contains("client=caseworker"));
            logs.assertNoLineContains("not-the-secret");
        }
    }

    @Test
    void anUnknownClientIsRefused() throws Exception {
        assertThat(endpoint().requestToken("nobody", "nobody-dev-secret").statusCode()).isEqualTo(401);
    }

    @Test
    void theSameClientCanLogInTwice() throws Exception {
        // the first login re-encodes the stored secret; the second must still match it
        endpoint().token("admin");
        assertThat(endpoint().requestToken("admin", "admin-dev-secret").statusCode()).isEqualTo(200);
    }
}
