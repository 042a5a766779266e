package uk.probation.gate.infra.auth;

import java.nio.file.Path;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Replaces Boot's per-start random key with the one from {@link SigningKeyFile}. */
@Configuration(proxyBeanMethods = false)
class SigningKeyConfiguration {

    @Bean
    JWKSource<SecurityContext> jwkSource(@Value("${auth.key-file:.local-stack/auth/jwk.json}") Path keyFile) {
        return new ImmutableJWKSet<>(new JWKSet(SigningKeyFile.loadOrCreate(keyFile)));
    }
}
