package uk.probation.gate.platform.test;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Binds a test class annotated {@link OnEmbeddedInfrastructure} or {@link OnContainerInfrastructure} to that
 * infrastructure: the broker, the database and the token issuer become the highest-precedence properties of its
 * application context. The customizer is equal for equal (infrastructure, database), so Spring's context cache
 * serves every such class with identical configuration from one context. Registered in
 * {@code META-INF/spring.factories}; the infrastructure itself starts only when a context is built.
 */
public final class InfrastructureBinding implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        OnEmbeddedInfrastructure embedded = TestContextAnnotationUtils.findMergedAnnotation(testClass,
                OnEmbeddedInfrastructure.class);
        OnContainerInfrastructure containers = TestContextAnnotationUtils.findMergedAnnotation(testClass,
                OnContainerInfrastructure.class);
        if (embedded != null && containers != null) {
            throw new IllegalStateException(testClass.getName() + " names both the embedded and the container"
                    + " infrastructure");
        }
        if (embedded != null) {
            return new Binding("embedded", embedded.database(), EmbeddedInfrastructure::get);
        }
        if (containers != null) {
            return new Binding("containers", containers.database(), ContainersInfrastructure::get);
        }
        return null;
    }

    private static final class Binding implements ContextCustomizer {

        private final String kind;
        private final String database;
        private final Supplier<Infrastructure> infrastructure;

        Binding(String kind, String database, Supplier<Infrastructure> infrastructure) {
            this.kind = kind;
            this.database = database;
            this.infrastructure = infrastructure;
        }

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration merged) {
            Infrastructure running = infrastructure.get();
            Map<String, Object> properties = Map.of(
                    "spring.kafka.bootstrap-servers", running.kafkaBootstrapServers(),
                    "spring.mongodb.uri", running.mongoUri(database),
                    "spring.security.oauth2.resourceserver.jwt.issuer-uri", Tokens.issuer(),
                    "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", Tokens.jwkSetUri());
            context.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource("test-infrastructure-" + kind, properties));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Binding binding && kind.equals(binding.kind) && database.equals(binding.database);
        }

        @Override
        public int hashCode() {
            return Objects.hash(kind, database);
        }

        @Override
        public String toString() {
            return "InfrastructureBinding[" + kind + ", " + database + "]";
        }
    }
}
