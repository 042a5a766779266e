package uk.probation.gate.platform.test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The harness every scenario of a service shares: the service started by {@code @SpringBootTest(webEnvironment =
 * RANDOM_PORT)} on its random API and management ports, a real HTTP client for each, a reader and writer of the
 * broker's topics, and the service's store. A subclass declares its own {@code @SpringBootTest} (the service's
 * properties) and is bound to an infrastructure by {@link OnEmbeddedInfrastructure} or
 * {@link OnContainerInfrastructure}; classes with the same configuration share one application context.
 */
public abstract class RunningService {

    @Autowired
    private Environment serviceEnvironment;

    /** The store the service writes, for what a scenario checks or arranges directly. */
    @Autowired
    protected MongoTemplate mongo;

    /** The API port. */
    protected int port;
    /** The management port: actuator (health, prometheus) answers only here. */
    protected int managementPort;
    protected String bootstrapServers;
    /** The API, as an outside caller uses it. */
    protected Http http;
    /** Actuator, as Prometheus and the platform read it. */
    protected Http management;
    /** The broker's topics, read from their beginning, and raw records written to them. */
    protected TopicReader topics;

    @BeforeEach
    void connectToTheRunningService() {
        port = Integer.parseInt(serviceEnvironment.getRequiredProperty("local.server.port"));
        managementPort = Integer.parseInt(serviceEnvironment.getProperty("local.management.port",
                String.valueOf(port)));
        bootstrapServers = serviceEnvironment.getRequiredProperty("spring.kafka.bootstrap-servers");
        http = new Http("http://127.0.0.1:" + port);
        management = new Http("http://127.0.0.1:" + managementPort);
        topics = new TopicReader(bootstrapServers);
    }

    /** The service's Prometheus exposition right now. */
    protected String scrape() {
        return management.metrics();
    }

    /**
     * Command-line arguments for another instance of the service (a {@code SpringApplicationBuilder} run) on random
     * ports, on this test's broker, store and token issuer: the given {@code settings} ("name=value") as they are,
     * then the values this context has for the properties named in {@code copied}.
     */
    protected String[] anotherInstance(List<String> settings, String... copied) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--management.server.port=0"));
        settings.forEach(setting -> args.add("--" + setting));
        List<String> keys = new ArrayList<>(List.of("spring.kafka.bootstrap-servers", "spring.mongodb.uri",
                "spring.security.oauth2.resourceserver.jwt.issuer-uri",
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri"));
        keys.addAll(List.of(copied));
        for (String key : keys) {
            args.add("--" + key + "=" + serviceEnvironment.getRequiredProperty(key));
        }
        return args.toArray(String[]::new);
    }

    /** Records of the given CloudEvents type whose key is {@code key}. */
    protected static Predicate<TopicReader.Event> about(String key, String type) {
        return e -> type.equals(e.header("ce_type")) && key.equals(e.key());
    }
}
