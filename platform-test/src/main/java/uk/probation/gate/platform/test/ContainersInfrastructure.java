package uk.probation.gate.platform.test;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/** Real apache/kafka and mongo:8 (single-node replica set) images, started once per JVM where Docker exists. */
public final class ContainersInfrastructure implements Infrastructure {

    private static ContainersInfrastructure instance;

    private final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.0");
    private final MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");

    private ContainersInfrastructure() {
        kafka.start();
        mongo.start();
    }

    public static synchronized ContainersInfrastructure get() {
        if (instance == null) {
            instance = new ContainersInfrastructure();
        }
        return instance;
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String mongoUri(String database) {
        return mongo.getReplicaSetUrl(database);
    }
}
