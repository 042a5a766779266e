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
import java.util.Map;
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

    /** The audiences a test token names by default: every service, as the web application's tokens do. */
    public static final List<String> ALL_SERVICES = List.of("resettlement-service", "community-payback-service",
            "referral-service", "notifications-service");

    /** A token for {@code role} whose {@code aud} names only {@code audience} (another service's token). */
    public static String forAudience(String role, String audience) {
        return sign("test-" + role.toLowerCase(), role, Map.of("aud", List.of(audience)), issuer());
    }

    /** A token for {@code role} whose {@code aud} names no service at all. */
    public static String withoutAudience(String role) {
        return sign("test-" + role.toLowerCase(), role, Map.of("aud", List.of()), issuer());
    }

    /** A token for the HMPPS subject access request service (role SAR_DATA_ACCESS). */
    public static String forSubjectAccess() {
        return forRole("SAR_DATA_ACCESS");
    }

    public static String forRole(String role) {
        return sign(role, null, issuer());
    }

    public static String forProvider(String providerCode) {
        return sign("PROVIDER", providerCode, issuer());
    }

    /** A caseworker signed in as {@code subject}, working at the given prisons (claim {@code prisons}). */
    public static String caseworkerAt(String subject, String... prisons) {
        return forUser(subject, "RESETTLEMENT_CASEWORKER", Map.of("prisons", List.of(prisons)));
    }

    /** A placement coordinator signed in as {@code subject}, working in the given areas (claim {@code areas}). */
    public static String coordinatorIn(String subject, String... areas) {
        return forUser(subject, "PLACEMENT_COORDINATOR", Map.of("areas", List.of(areas)));
    }

    /** A Community Payback supervisor signed in as {@code subject}, working in the given areas. */
    public static String supervisorIn(String subject, String... areas) {
        return forUser(subject, "SUPERVISOR", Map.of("areas", List.of(areas)));
    }

    /** A person's token: {@code sub}, a display name, one role and the given claims (prisons, areas, provider). */
    public static String forUser(String subject, String role, Map<String, Object> claims) {
        Map<String, Object> all = new java.util.HashMap<>(claims);
        all.putIfAbsent("name", subject);
        return sign(subject, role, all, issuer());
    }

    /** A well-formed token from an issuer the services do not trust. */
    public static String fromOtherIssuer(String role) {
        return sign(role, null, "http://elsewhere.example");
    }

    private static String sign(String role, String provider, String issuer) {
        return sign("test-" + role.toLowerCase(), role, provider == null ? Map.of() : Map.of("provider", provider),
                issuer);
    }

    private static String sign(String subject, String role, Map<String, Object> extraClaims, String issuer) {
        try {
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject)
                    .issuer(issuer).issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(600)))
                    .jwtID(UUID.randomUUID().toString()).claim("roles", List.of(role)).audience(ALL_SERVICES)
                    .claim("client_id", "test-client");
            extraClaims.forEach((name, value) -> {
                if ("aud".equals(name)) {
                    @SuppressWarnings("unchecked")
                    List<String> audiences = (List<String>) value;
                    claims.audience(audiences.isEmpty() ? null : audiences);
                } else {
                    claims.claim(name, value);
                }
            });
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims.build());
            jwt.sign(new RSASSASigner(KEY));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
