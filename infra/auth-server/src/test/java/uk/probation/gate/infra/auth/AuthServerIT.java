package uk.probation.gate.infra.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthServerIT {

    @TempDir
    static Path keyDir;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void keyFile(DynamicPropertyRegistry registry) {
        registry.add("auth.key-file", () -> keyDir.resolve("jwk.json").toString());
    }

    @ParameterizedTest
    @CsvSource({
            "caseworker, RESETTLEMENT_CASEWORKER",
            "coordinator, PLACEMENT_COORDINATOR",
            "responsible-officer, RESPONSIBLE_OFFICER",
            "ops-viewer, OPS_VIEWER",
            "admin, ADMIN"})
    void aRoleClientGetsASignedTokenCarryingItsRoleAndNoProvider(String clientId, String role) throws Exception {
        SignedJWT token = new TokenEndpoint(port).token(clientId);

        assertThat(token.getJWTClaimsSet().getStringListClaim("roles")).containsExactly(role);
        assertThat(token.getJWTClaimsSet().getClaim("provider")).isNull();
        assertThat(token.getJWTClaimsSet().getSubject()).isEqualTo(clientId);
        assertThat(token.getJWTClaimsSet().getIssuer()).isEqualTo("http://127.0.0.1:9000");
        RSAKey published = new TokenEndpoint(port).jwks().getKeyByKeyId(token.getHeader().getKeyID()).toRSAKey();
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
        SignedJWT token = new TokenEndpoint(port).token(clientId);

        assertThat(token.getJWTClaimsSet().getStringListClaim("roles")).isEqualTo(List.of("PROVIDER"));
        assertThat(token.getJWTClaimsSet().getStringClaim("provider")).isEqualTo(providerCode);
    }

    @Test
    void aWrongSecretIsRefused() throws Exception {
        assertThat(new TokenEndpoint(port).requestToken("caseworker", "not-the-secret").statusCode()).isEqualTo(401);
    }

    @Test
    void anUnknownClientIsRefused() throws Exception {
        assertThat(new TokenEndpoint(port).requestToken("nobody", "dev-secret").statusCode()).isEqualTo(401);
    }

    @Test
    void theSameClientCanLogInTwice() throws Exception {
        // the first login re-encodes the stored secret; the second must still match it
        new TokenEndpoint(port).token("admin");
        assertThat(new TokenEndpoint(port).requestToken("admin", "dev-secret").statusCode()).isEqualTo(200);
    }
}
