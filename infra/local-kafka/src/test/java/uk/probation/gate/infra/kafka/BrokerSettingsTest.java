package uk.probation.gate.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class BrokerSettingsTest {

    private static final String VOTERS = "1@127.0.0.1:9093,2@127.0.0.1:9095,3@127.0.0.1:9097";

    @Test
    void oneNodeIsItsOwnQuorumWithOneReplicaOfEverything() {
        Properties p = BrokerSettings.fromArgs(new String[] {"--port=9092", "--controller-port=9093",
                "--data-dir=/tmp/k"}).serverProperties();

        assertThat(p).containsEntry("node.id", "1").containsEntry("controller.quorum.voters", "1@127.0.0.1:9093")
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("default.replication.factor", "1").containsEntry("min.insync.replicas", "1")
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("num.partitions", "3").containsEntry("auto.create.topics.enable", "true")
                .containsEntry("log.dirs", Path.of("/tmp/k/logs").toString());
    }

    @Test
    void aNodeOfThreeReplicatesEverythingThreeTimesAndNeedsTwoInSync() {
        BrokerSettings settings = BrokerSettings.fromArgs(new String[] {"--node-id=2", "--port=9094",
                "--controller-port=9095", "--voters=" + VOTERS, "--data-dir=/tmp/k2"});
        Properties p = settings.serverProperties();

        assertThat(settings.clusterSize()).isEqualTo(3);
        assertThat(p).containsEntry("node.id", "2").containsEntry("controller.quorum.voters", VOTERS)
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:9094,CONTROLLER://127.0.0.1:9095")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:9094")
                .containsEntry("default.replication.factor", "3").containsEntry("min.insync.replicas", "2")
                .containsEntry("offsets.topic.replication.factor", "3")
                .containsEntry("transaction.state.log.replication.factor", "3")
                .containsEntry("transaction.state.log.min.isr", "2")
                .containsEntry("share.coordinator.state.topic.replication.factor", "3")
                .containsEntry("share.coordinator.state.topic.min.isr", "2");
    }

    @Test
    void everyNodeGetsTheSameClusterIdUnlessToldOtherwise() {
        BrokerSettings one = BrokerSettings.fromArgs(new String[] {"--voters=" + VOTERS});
        BrokerSettings three = BrokerSettings.fromArgs(new String[] {"--node-id=3", "--controller-port=9097",
                "--voters=" + VOTERS});

        assertThat(one.clusterId()).isEqualTo(three.clusterId()).hasSize(22);
        assertThat(BrokerSettings.fromArgs(new String[] {"--cluster-id=abc"}).clusterId()).isEqualTo("abc");
    }

    @Test
    void aNodeMissingFromItsVotersIsRefused() {
        assertThatThrownBy(() -> BrokerSettings.fromArgs(new String[] {"--node-id=4", "--controller-port=9099",
                "--voters=" + VOTERS})).hasMessageContaining("does not name this node");
        assertThatThrownBy(() -> BrokerSettings.fromArgs(new String[] {"--brokers=3"})).hasMessageContaining("--voters=");
    }
}
