package uk.probation.gate.infra.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

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
import uk.probation.gate.platform.test.PersonSignIn;

/** Named people sign in with the form through the authorization code flow with PKCE, over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("dev")
class PersonSignInIT {

    private static final String WEB = "http://127.0.0.1:8080";

    @TempDir
    static Path keyDir;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void keyFile(DynamicPropertyRegistry registry) {
        registry.add("auth.key-file", () -> keyDir.resolve("jwk.json").toString());
    }

    private PersonSignIn signIn() {
        return new PersonSignIn("http://127.0.0.1:" + port, WEB);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "cw-nottingham | Asha Patel  | RESETTLEMENT_CASEWORKER | prisons  | NMI",
            "cw-nottingham2| Chris Doyle | RESETTLEMENT_CASEWORKER | prisons  | NMI",
            "cw-foston     | Bella Okafor| RESETTLEMENT_CASEWORKER | prisons  | FHI",
            "pc-derby      | Carl Evans  | PLACEMENT_COORDINATOR   | areas    | N53DER",
            "pc-leicester  | Dina Shah   | PLACEMENT_COORDINATOR   | areas    | N53LEI",
            "sup-derby     | Sam Reid    | SUPERVISOR              | areas    | N53DER",
            "sup-leicester | Tess Lowe   | SUPERVISOR              | areas    | N53LEI"})
    void aPersonsTokensSayWhoTheyAreAndWhereTheyWork(String username, String name, String role, String claim,
            String code) throws Exception {
        PersonSignIn.Tokens tokens = signIn().signIn(username);

        for (String jwt : List.of(tokens.accessToken(), tokens.idToken())) {
            JWTClaimsSet claims = SignedJWT.parse(jwt).getJWTClaimsSet();
            assertThat(claims.getSubject()).isEqualTo(username);
            assertThat(claims.getStringClaim("name")).isEqualTo(name);
            assertThat(claims.getStringListClaim("roles")).containsExactly(role);
            assertThat(claims.getStringListClaim(claim)).containsExactly(code);
            assertThat(claims.getIssuer()).isEqualTo("http://127.0.0.1:9000");
        }
        assertThat(tokens.refreshToken()).isNotBlank();
    }

    @Test
    void aProvidersStaffCarryTheirProviderAndNationalUsersNoWorkplace() throws Exception {
        JWTClaimsSet provider = SignedJWT.parse(signIn().signIn("prov-in-house-housing").accessToken())
                .getJWTClaimsSet();
        assertThat(provider.getStringListClaim("roles")).containsExactly("PROVIDER");
        assertThat(provider.getStringClaim("provider")).isEqualTo("IN_HOUSE_HOUSING");

        JWTClaimsSet ops = SignedJWT.parse(signIn().signIn("ops").accessToken()).getJWTClaimsSet();
        assertThat(ops.getStringListClaim("roles")).containsExactly("OPS_VIEWER");
        assertThat(ops.getClaim("prisons")).isNull();
        assertThat(ops.getClaim("areas")).isNull();

        JWTClaimsSet officer = SignedJWT.parse(signIn().signIn("ro-n01ro1").accessToken()).getJWTClaimsSet();
        assertThat(officer.getStringClaim("officer")).isEqualTo("N01RO1");
    }

    @Test
    void aPersonsAccessTokenIsForAllFourServicesNamesTheWebAppAndLivesTenMinutesAtMost() throws Exception {
        PersonSignIn.Tokens tokens = signIn().signIn("cw-nottingham");

        JWTClaimsSet access = SignedJWT.parse(tokens.accessToken()).getJWTClaimsSet();
        assertThat(access.getAudience()).containsExactlyInAnyOrderElementsOf(AuthServerIT.ALL_SERVICES);
        assertThat(access.getStringClaim("client_id")).isEqualTo("web-app");
        assertThat(access.getExpirationTime().getTime() - access.getIssueTime().getTime()).isPositive()
                .isLessThanOrEqualTo(600_000L);
        // the ID token is for the web app itself (OIDC), not for the services
        assertThat(SignedJWT.parse(tokens.idToken()).getJWTClaimsSet().getAudience()).containsExactly("web-app");

        JWTClaimsSet refreshed = SignedJWT.parse(signIn().refresh(tokens.refreshToken()).accessToken())
                .getJWTClaimsSet();
        assertThat(refreshed.getAudience()).containsExactlyInAnyOrderElementsOf(AuthServerIT.ALL_SERVICES);
    }

    @Test
    void theAdminCarriesSubjectAccessSoTheyCanAssembleAReportWithTheirOwnToken() throws Exception {
        JWTClaimsSet admin = SignedJWT.parse(signIn().signIn("admin").accessToken()).getJWTClaimsSet();

        assertThat(admin.getSubject()).isEqualTo("admin");
        assertThat(admin.getStringListClaim("roles")).containsExactlyInAnyOrder("ADMIN", "SAR_DATA_ACCESS");
        assertThat(admin.getAudience()).containsExactlyInAnyOrderElementsOf(AuthServerIT.ALL_SERVICES);
    }

    @Test
    void aRefreshGivesANewAccessTokenForTheSamePerson() throws Exception {
        PersonSignIn.Tokens first = signIn().signIn("cw-foston");
        PersonSignIn.Tokens refreshed = signIn().refresh(first.refreshToken());

        assertThat(refreshed.accessToken()).isNotEqualTo(first.accessToken());
        JWTClaimsSet claims = SignedJWT.parse(refreshed.accessToken()).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("cw-foston");
        assertThat(claims.getStringListClaim("prisons")).containsExactly("FHI");
    }

    @Test
    void aWrongPasswordIsRefusedLoggedWithTheUsernameButNeverThePasswordAndTheFormSaysSo() throws Exception {
        try (LogCapture logs = LogCapture.capture()) {
            assertThatThrownBy(() -> signIn().signIn("cw-nottingham", "not-my-password"))
                    .isInstanceOf(IllegalArgumentException.class);

            assertThat(logs.lines()).anySatisfy(line -> assertThat(line).startsWith("security security_event")
                    .contains("event=sign_in_failed").contains("username=cw-nottingham"));
            logs.assertNoLineContains("not-my-password");
        }

        String page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/login?error")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("There is a problem").contains("Enter a correct username and password");
    }

    @Test
    void theSignInPageLooksLikeGovUkBeforeAnyoneHasSignedIn() throws Exception {
        HttpClient anonymous = HttpClient.newHttpClient();
        String page = anonymous.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("govuk-frontend.min.css").contains("<h1 class=\"govuk-heading-l\">Sign in</h1>");
        for (String asset : List.of("/govuk/govuk-frontend.min.css", "/assets/rebrand/images/favicon.ico")) {
            HttpResponse<byte[]> response = anonymous.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + asset)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(asset).isEqualTo(200);
        }
    }

    @Test
    void theWebAppMustUsePkce() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + port + "/oauth2/authorize?response_type=code&client_id=web-app&scope=openid"
                        + "&redirect_uri=" + WEB + "/login/oauth2/code/gate&state=s")).build(),
                HttpResponse.BodyHandlers.ofString());

        // without a code challenge the request goes back to the client with an error, never to the sign-in form
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).get().asString()
                .startsWith(WEB + "/login/oauth2/code/gate").contains("error=invalid_request");
    }

    @Test
    void anUnregisteredRedirectIsRefused() throws Exception {
        assertThatThrownBy(() -> new PersonSignIn("http://127.0.0.1:" + port, "http://evil.example").signIn("ops"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theClientCredentialsClientsReachEveryPrisonAndArea() throws Exception {
        JWTClaimsSet caseworker = new TokenEndpoint(port).token("caseworker").getJWTClaimsSet();
        assertThat(caseworker.getStringListClaim("prisons"))
                .containsExactly("NMI", "LCI", "RNI", "LGI", "GTI", "SKI", "SUI", "FHI");
        JWTClaimsSet supervisor = new TokenEndpoint(port).token("supervisor").getJWTClaimsSet();
        assertThat(supervisor.getStringListClaim("roles")).containsExactly("SUPERVISOR");
        assertThat(supervisor.getStringListClaim("areas")).containsExactly("N53DER", "N53LEI", "N53NOT", "N53RUT");
    }
}
