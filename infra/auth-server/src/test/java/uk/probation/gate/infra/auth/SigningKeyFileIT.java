package uk.probation.gate.infra.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A restart of the auth server must keep the key, or every token handed out before it stops working. */
class SigningKeyFileIT {

    @TempDir
    Path dataDir;

    @Test
    void aSecondStartReusesTheKeyFileSoEarlierTokensStillVerify() throws Exception {
        Path keyFile = dataDir.resolve("auth").resolve("jwk.json");

        SignedJWT issuedBeforeRestart;
        String firstKid;
        try (ConfigurableApplicationContext first = start(keyFile)) {
            TokenEndpoint endpoint = new TokenEndpoint(port(first));
            issuedBeforeRestart = endpoint.token("caseworker");
            firstKid = endpoint.jwks().getKeys().get(0).getKeyID();
        }
        assertThat(keyFile).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        // the server made both directories, each for its owner only
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile.getParent())))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("auth"))))
                .isEqualTo("rwx------");
        assertThat(keyFile.resolveSibling("jwk.json.tmp")).doesNotExist();
        String keyFileContent = Files.readString(keyFile);

        try (ConfigurableApplicationContext second = start(keyFile)) {
            TokenEndpoint endpoint = new TokenEndpoint(port(second));
            JWK published = endpoint.jwks().getKeys().get(0);

            assertThat(published.getKeyID()).isEqualTo(firstKid).isEqualTo(issuedBeforeRestart.getHeader().getKeyID());
            assertThat(issuedBeforeRestart.verify(new RSASSAVerifier(published.toRSAKey()))).isTrue();
            assertThat(endpoint.token("caseworker").getHeader().getKeyID()).isEqualTo(firstKid);
        }
        assertThat(Files.readString(keyFile)).isEqualTo(keyFileContent);
    }

    @Test
    void anExistingKeyFileThatOthersCouldReadIsMadeOwnerOnlyAndKeepsItsKey() throws Exception {
        Path keyFile = dataDir.resolve("jwk.json");
        String kid = SigningKeyFile.loadOrCreate(keyFile).getKeyID();
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));

        try (ConfigurableApplicationContext context = start(keyFile)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
            assertThat(new TokenEndpoint(port(context)).jwks().getKeys().get(0).getKeyID()).isEqualTo(kid);
        }
    }

    @Test
    void aKeyFileMadeWithAnOpenUmaskIsStillOwnerOnly() throws Exception {
        // a directory that already exists and lets everyone in: the server leaves it, the key file is still 600
        Path open = Files.createDirectory(dataDir.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path keyFile = open.resolve("jwk.json");

        SigningKeyFile.loadOrCreate(keyFile);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(open))).isEqualTo("rwxrwxrwx");
    }

    @Test
    void theJwksEndpointPublishesNoPrivateKeyMaterial() throws Exception {
        try (ConfigurableApplicationContext context = start(dataDir.resolve("jwk.json"))) {
            assertThat(new TokenEndpoint(port(context)).jwks().getKeys()).allSatisfy(key -> assertThat(key.isPrivate()).isFalse());
        }
    }

    private static ConfigurableApplicationContext start(Path keyFile) {
        return new SpringApplicationBuilder(AuthServerApplication.class)
                .run("--server.port=0", "--spring.profiles.active=dev", "--auth.key-file=" + keyFile);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
