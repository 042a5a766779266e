package uk.probation.gate.platform.test;

import de.bwaldvogel.mongo.MongoServer;
import uk.probation.gate.infra.mongo.wire.SnapshotMemoryBackend;
import java.net.InetSocketAddress;
import org.springframework.boot.SpringApplication;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real parts every integration test runs against, started once per test JVM on random ports: a real Kafka
 * KRaft broker, the MongoDB wire-protocol server (the real driver talks to it) and a JWKS endpoint for tokens.
 */
public final class EmbeddedInfrastructure implements Infrastructure {

    private static EmbeddedInfrastructure instance;

    private final EmbeddedKafkaKraftBroker kafka;
    private final MongoServer mongo;
    private final String mongoAddress;

    private EmbeddedInfrastructure() {
        kafka = new EmbeddedKafkaKraftBroker(1, 3);
        kafka.brokerProperty("group.initial.rebalance.delay.ms", "0");
        kafka.afterPropertiesSet();
        mongo = new MongoServer(new SnapshotMemoryBackend());
        mongo.bind("127.0.0.1", 0);
        InetSocketAddress address = mongo.getLocalAddress();
        mongoAddress = "127.0.0.1:" + address.getPort();
        // stopped only after Spring Boot's shutdown hook has closed every cached test context: a JVM shutdown hook of
        // its own ran beside that one, took the broker and the store away from contexts still closing, and a
        // scheduled job's query then waited out the driver's 30 s server selection, so surefire killed each fork
        // 30 s after its tests had finished ("Surefire is going to kill self fork JVM")
        SpringApplication.getShutdownHandlers().add(() -> {
            mongo.shutdownNow();
            kafka.destroy();
        });
    }

    public static synchronized EmbeddedInfrastructure get() {
        if (instance == null) {
            instance = new EmbeddedInfrastructure();
        }
        return instance;
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBrokersAsString();
    }

    @Override
    public String mongoUri(String database) {
        return "mongodb://" + mongoAddress + "/" + database;
    }

    /** Registers the broker, a fresh database and the token issuer for a {@code @SpringBootTest}. */
    public static void register(DynamicPropertyRegistry registry, String database) {
        get().registerProperties(registry, database);
    }
}
