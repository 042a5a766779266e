package uk.probation.gate.platform.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a {@code @SpringBootTest} on the {@link ContainersInfrastructure} (apache/kafka and mongo:8 images), with the
 * given database; the containers start when the first such context does. Pair with
 * {@code @Testcontainers(disabledWithoutDocker = true)} so that the class is skipped where Docker is missing.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface OnContainerInfrastructure {

    /** The database the service under test uses on the shared MongoDB container. */
    String database();
}
