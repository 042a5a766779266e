package uk.probation.gate.infra.kafka;

import java.nio.file.Path;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;

/**
 * A real KRaft Kafka node (broker + controller in one JVM) for the local stack: on its own a one-node cluster,
 * or one of several.
 * <p>
 * {@code java -jar local-kafka.jar --port=9092 --controller-port=9093 --data-dir=DIR}; for node 2 of three:
 * {@code --node-id=2 --port=9094 --controller-port=9095 --voters=1@127.0.0.1:9093,2@127.0.0.1:9095,3@127.0.0.1:9097
 * --data-dir=DIR2} (each node its own data directory; all share one cluster id, {@code --cluster-id=} to choose it).
 * Three nodes give topics three replicas of which two must be in sync; a killed node restarts on its directory and
 * catches up.
 * Formats DIR/logs once, keeps its data across restarts and prints
 * {@code KAFKA READY 127.0.0.1:<port>} once clients can connect.
 */
public final class LocalKafka {

    private LocalKafka() {
    }

    public static void main(String[] args) throws Exception {
        BrokerSettings settings = BrokerSettings.fromArgs(args);
        Path configFile = settings.writeServerProperties();
        LogDirFormat.formatOnce(settings.logDir(), configFile, settings.clusterId());

        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(settings.serverProperties(), false), Time.SYSTEM);
        // stop cleanly on SIGTERM/Ctrl-C so the log is not left in need of recovery
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            server.awaitShutdown();
        }, "kafka-shutdown"));
        server.startup();

        BrokerReadiness.await(settings.port());
        System.out.println("KAFKA READY 127.0.0.1:" + settings.port());
        server.awaitShutdown();
    }
}
