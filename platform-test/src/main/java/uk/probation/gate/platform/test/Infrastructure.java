package uk.probation.gate.platform.test;

import org.springframework.test.context.DynamicPropertyRegistry;

/** Where the broker and the database of a test run are: embedded here, containers where Docker exists. */
public interface Infrastructure {

    String kafkaBootstrapServers();

    String mongoUri(String database);

    default void registerProperties(DynamicPropertyRegistry registry, String database) {
        registry.add("spring.kafka.bootstrap-servers", this::kafkaBootstrapServers);
        registry.add("spring.mongodb.uri", () -> mongoUri(database));
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", Tokens::issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", Tokens::jwkSetUri);
    }
}
