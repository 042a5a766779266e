package uk.probation.gate.infra.kafka;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Command-line options and the server.properties of a one-node KRaft broker derived from them. */
record BrokerSettings(int port, int controllerPort, Path dataDir) {

    static BrokerSettings fromArgs(String[] args) {
        int port = 9092;
        int controllerPort = 9093;
        Path dataDir = Path.of(".local-stack", "kafka");
        for (String arg : args) {
            if (arg.startsWith("--port=")) {
                port = Integer.parseInt(value(arg));
            } else if (arg.startsWith("--controller-port=")) {
                controllerPort = Integer.parseInt(value(arg));
            } else if (arg.startsWith("--data-dir=")) {
                dataDir = Path.of(value(arg));
            } else {
                throw new IllegalArgumentException("unknown option " + arg
                        + " (expected --port=, --controller-port=, --data-dir=)");
            }
        }
        return new BrokerSettings(port, controllerPort, dataDir.toAbsolutePath());
    }

    private static String value(String arg) {
        return arg.substring(arg.indexOf('=') + 1);
    }

    Path logDir() {
        return dataDir.resolve("logs");
    }

    Properties serverProperties() {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", logDir().toString());
        p.setProperty("num.partitions", "3");
        p.setProperty("auto.create.topics.enable", "true");
        // one node: every replicated internal topic must make do with a single replica
        p.setProperty("default.replication.factor", "1");
        p.setProperty("min.insync.replicas", "1");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
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
