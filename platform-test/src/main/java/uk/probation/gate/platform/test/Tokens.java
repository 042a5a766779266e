package uk.probation.gate.platform.test;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Signs real JWTs with an RSA key whose public half a real HTTP JWKS endpoint serves, so services validate test
 * tokens exactly as they validate the authorization server's.
 */
public final class Tokens {

    private static final RSAKey KEY;
    private static final HttpServer JWKS;

    static {
        try {
            KEY = new RSAKeyGenerator(2048).keyID("test-key").generate();
            JWKS = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] body = new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            JWKS.createContext("/oauth2/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            JWKS.start();
        } catch (IOException | com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private Tokens() {
    }

    public static String issuer() {
        return "http://127.0.0.1:" + JWKS.getAddress().getPort();
    }

    public static String jwkSetUri() {
        return issuer() + "/oauth2/jwks";
    }

    public static String forRole(String role) {
        return sign(role, null, issuer());
    }

    public static String forProvider(String providerCode) {
        return sign("PROVIDER", providerCode, issuer());
    }

    /** A well-formed token from an issuer the services do not trust. */
    public static String fromOtherIssuer(String role) {
        return sign(role, null, "http://elsewhere.example");
    }

    private static String sign(String role, String provider, String issuer) {
        try {
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject("test-" + role.toLowerCase())
                    .issuer(issuer).issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(600)))
                    .jwtID(UUID.randomUUID().toString()).claim("roles", List.of(role));
            if (provider != null) {
                claims.claim("provider", provider);
            }
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims.build());
            jwt.sign(new RSASSASigner(KEY));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
