package uk.probation.gate.infra.kafka;

import java.nio.file.Path;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node KRaft Kafka broker (broker + controller in one JVM) for the local stack.
 * <p>
 * {@code java -jar local-kafka.jar --port=9092 --controller-port=9093 --data-dir=DIR}.
 * Formats DIR/logs once, keeps its data across restarts and prints
 * {@code KAFKA READY 127.0.0.1:<port>} once clients can connect.
 */
public final class LocalKafka {

    private LocalKafka() {
    }

    public static void main(String[] args) throws Exception {
        BrokerSettings settings = BrokerSettings.fromArgs(args);
        Path configFile = settings.writeServerProperties();
        LogDirFormat.formatOnce(settings.logDir(), configFile);

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
