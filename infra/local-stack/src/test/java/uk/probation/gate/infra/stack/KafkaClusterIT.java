package uk.probation.gate.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static uk.probation.gate.infra.stack.StackComponent.AUTH;
import static uk.probation.gate.infra.stack.StackComponent.KAFKA;
import static uk.probation.gate.infra.stack.StackComponent.MONGO;
import static uk.probation.gate.infra.stack.StackComponent.RESETTLEMENT;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import uk.probation.gate.platform.test.Http;
import uk.probation.gate.platform.test.Identifiers;
import uk.probation.gate.platform.test.TopicReader;

/**
 * The cluster shape of {@code ./run-local.sh --brokers=3 --instances=2}, with one service to keep it cheap: three
 * KRaft nodes give the service's topics three replicas of which two must be in sync, both instances of the service
 * are healthy and share its consumer group, and with one broker killed a reception is still accepted and published;
 * the supervisor brings the broker back and it rejoins every partition's in-sync replicas.
 */
class KafkaClusterIT {

    private static final List<String> SERVICE_TOPICS = List.of("prison-offender-events", "resettlement-service.dlt",
            "resettlement.events");

    @Test
    void threeBrokersTwoInstancesAndABrokerLostWithoutLosingAReception() throws Exception {
        try (RunningStack stack = LocalStack.start(StackOptions.defaults().withRandomPorts().withTemporaryDataDir()
                .withBrokers(3).withInstances(2).only(KAFKA, MONGO, AUTH, RESETTLEMENT)
                .withStartupTimeout(Duration.ofSeconds(300)));
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                     AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                     AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000))) {
            assertThat(stack.instances(KAFKA)).isEqualTo(3);
            assertThat(stack.instances(RESETTLEMENT)).isEqualTo(2);
            assertThat(stack.kafkaBootstrapServers()).isEqualTo("127.0.0.1:" + stack.brokerPort(0) + ",127.0.0.1:"
                    + stack.brokerPort(1) + ",127.0.0.1:" + stack.brokerPort(2));
            assertThat(admin.describeCluster().nodes().get()).extracting(Node::id).containsExactlyInAnyOrder(1, 2, 3);

            // both instances are up (start waited for health UP on each) and consume as one group
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("resettlement-service"))
                        .describedGroups().get("resettlement-service").get();
                assertThat(group.members()).hasSize(2);
            });

            // a first reception makes the service publish; its own, its input and its dead-letter topics then exist
            String caseworker = stack.accessToken("caseworker");
            assertThat(receive(stack, 0, caseworker, Identifiers.prisonNumber())).isEqualTo(201);
            await().atMost(Duration.ofSeconds(60)).until(() -> admin.listTopics().names().get().containsAll(SERVICE_TOPICS));
            Map<String, TopicDescription> topics = admin.describeTopics(SERVICE_TOPICS).allTopicNames().get();
            for (TopicDescription topic : topics.values()) {
                assertThat(topic.partitions()).as(topic.name()).isNotEmpty()
                        .allSatisfy(partition -> assertThat(partition.replicas()).hasSize(3));
            }
            for (String topic : SERVICE_TOPICS) {
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
                Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
                assertThat(config.get("min.insync.replicas").value()).as(topic).isEqualTo("2");
            }

            // the broker leading most of resettlement.events goes down hard
            int victim = leaderOfMost(topics.get("resettlement.events"));
            int victimIndex = victim - 1;
            assertThat(stack.brokerNodeId(victimIndex)).isEqualTo(victim);
            stack.kill(KAFKA, victimIndex);

            String prisonNumber = Identifiers.prisonNumber();
            assertThat(receive(stack, 1, caseworker, prisonNumber)).isEqualTo(201);
            TopicReader reader = new TopicReader(stack.kafkaBootstrapServers());
            assertThat(reader.await("resettlement.events", e -> "resettlement.prisoner.received".equals(
                    e.header("ce_type")) && prisonNumber.equals(e.key()), 1)).hasSize(1);

            // the supervisor restarts it on its data directory and it catches up into every in-sync replica set
            stack.awaitReady(KAFKA, victimIndex, Duration.ofSeconds(120));
            assertThat(stack.restarts(KAFKA, victimIndex)).isEqualTo(1);
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                for (TopicDescription topic : admin.describeTopics(SERVICE_TOPICS).allTopicNames().get().values()) {
                    for (TopicPartitionInfo partition : topic.partitions()) {
                        assertThat(partition.isr()).as(topic.name() + "-" + partition.partition())
                                .extracting(Node::id).contains(victim);
                    }
                }
            });
        }
    }

    private static int receive(RunningStack stack, int instance, String token, String prisonNumber) {
        return new Http(stack.baseUrl(RESETTLEMENT, instance).toString()).post("/api/cases", token, Map.of(
                        "prisonNumber", prisonNumber, "prisonCode", "NMI", "receivedOn", LocalDate.now().toString(),
                        "expectedReleaseDate", LocalDate.now().plusMonths(6).toString(), "sex", "MALE",
                        "riskOfSeriousHarm", "MEDIUM"),
                Map.of("Idempotency-Key", UUID.randomUUID().toString())).status();
    }

    private static int leaderOfMost(TopicDescription topic) {
        Map<Integer, Long> led = topic.partitions().stream().collect(java.util.stream.Collectors.groupingBy(
                partition -> partition.leader().id(), java.util.stream.Collectors.counting()));
        return led.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }
}
