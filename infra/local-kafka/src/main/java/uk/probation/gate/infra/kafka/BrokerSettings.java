package uk.probation.gate.infra.kafka;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.common.Uuid;

/**
 * Command-line options and the server.properties of one KRaft node (broker + controller in one JVM) derived from
 * them. Without {@code --node-id}/{@code --voters} it is today's one-node cluster; with them, one node of a cluster
 * whose controller quorum is the voters, e.g. {@code --node-id=2 --voters=1@127.0.0.1:9093,2@127.0.0.1:9095,...}.
 */
record BrokerSettings(int port, int controllerPort, Path dataDir, int nodeId, String voters, String clusterId) {

    /**
     * Every node of a local cluster must be formatted with the same cluster id; deriving it from a fixed name means
     * no node has to be told it and a restarted node still matches the id in its meta.properties.
     */
    static final String DEFAULT_CLUSTER_ID = clusterIdFor("through-the-gate-local-kafka");

    static BrokerSettings fromArgs(String[] args) {
        int port = 9092;
        int controllerPort = 9093;
        Path dataDir = Path.of(".local-stack", "kafka");
        int nodeId = 1;
        String voters = null;
        String clusterId = DEFAULT_CLUSTER_ID;
        for (String arg : args) {
            if (arg.startsWith("--port=")) {
                port = Integer.parseInt(value(arg));
            } else if (arg.startsWith("--controller-port=")) {
                controllerPort = Integer.parseInt(value(arg));
            } else if (arg.startsWith("--data-dir=")) {
                dataDir = Path.of(value(arg));
            } else if (arg.startsWith("--node-id=")) {
                nodeId = Integer.parseInt(value(arg));
            } else if (arg.startsWith("--voters=")) {
                voters = value(arg);
            } else if (arg.startsWith("--cluster-id=")) {
                clusterId = value(arg);
            } else {
                throw new IllegalArgumentException("unknown option " + arg
                        + " (expected --port=, --controller-port=, --data-dir=, --node-id=, --voters=, --cluster-id=)");
            }
        }
        if (voters == null) {
            voters = nodeId + "@127.0.0.1:" + controllerPort;
        }
        String self = nodeId + "@127.0.0.1:" + controllerPort;
        if (!Arrays.asList(voters.split(",")).contains(self)) {
            throw new IllegalArgumentException("--voters=" + voters + " does not name this node (" + self + ")");
        }
        return new BrokerSettings(port, controllerPort, dataDir.toAbsolutePath(), nodeId, voters, clusterId);
    }

    /** A Kafka cluster id (base64 of 16 bytes) derived from a name. */
    static String clusterIdFor(String name) {
        UUID uuid = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
        return new Uuid(uuid.getMostSignificantBits(), uuid.getLeastSignificantBits()).toString();
    }

    private static String value(String arg) {
        return arg.substring(arg.indexOf('=') + 1);
    }

    int clusterSize() {
        return voters.split(",").length;
    }

    Path logDir() {
        return dataDir.resolve("logs");
    }

    Properties serverProperties() {
        // one node: every replicated topic must make do with a single replica; three or more: three replicas, and a
        // write needs two of them (acks=all), so one broker may be down without refusing a write or losing one
        String replicas = String.valueOf(Math.min(3, clusterSize()));
        String minInSync = clusterSize() >= 3 ? "2" : "1";
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", String.valueOf(nodeId));
        p.setProperty("controller.quorum.voters", voters);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", logDir().toString());
        p.setProperty("num.partitions", "3");
        p.setProperty("auto.create.topics.enable", "true");
        p.setProperty("default.replication.factor", replicas);
        p.setProperty("min.insync.replicas", minInSync);
        p.setProperty("offsets.topic.replication.factor", replicas);
        p.setProperty("transaction.state.log.replication.factor", replicas);
        p.setProperty("transaction.state.log.min.isr", minInSync);
        p.setProperty("share.coordinator.state.topic.replication.factor", replicas);
        p.setProperty("share.coordinator.state.topic.min.isr", minInSync);
        // consumers join at once instead of waiting 3 s for more members
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // a developer machine: the default 128 MB cleaner buffer would dominate the heap
        p.setProperty("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
        return p;
    }

    Path writeServerProperties() throws IOException {
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve("server.properties");
        try (Writer out = Files.newBufferedWriter(file)) {
            serverProperties().store(out, "written by LocalKafka on every start");
        }
        return file;
    }
}
