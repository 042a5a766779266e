package uk.probation.gate.platform.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a {@code @SpringBootTest} on the {@link EmbeddedInfrastructure} (real Kafka KRaft broker, Mongo wire server,
 * JWKS endpoint), with the given database. Unlike a {@code @DynamicPropertySource} method declared on each test
 * class, this annotation is part of Spring's context cache key by value: every test class with the same Spring
 * configuration and the same database shares one application context instead of starting its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface OnEmbeddedInfrastructure {

    /** The database the service under test uses on the shared Mongo wire server. */
    String database();
}
