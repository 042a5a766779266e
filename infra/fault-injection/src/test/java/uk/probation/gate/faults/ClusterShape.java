package uk.probation.gate.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;

/**
 * The cluster as the Admin API describes it: its nodes, and for each topic (the services' own, their inputs and
 * dead-letter topics, whatever exists) its partitions' replica and in-sync counts and its {@code min.insync.replicas}. In-sync counts are read once every partition has its
 * replicas back in sync or 90 s have passed, so a broker still catching up shows as a short count, not a hang.
 */
record ClusterShape(Set<Integer> nodeIds, Set<String> topics, Map<String, Integer> replicas,
        Map<String, Integer> inSync, Map<String, String> minInSync) {

    /** Topics every run of the suite has by its end. */
    static final List<String> SERVICE_TOPICS = List.of("resettlement.events", "community-payback.events",
            "referral.events", "prison-offender-events", "resettlement-service.dlt");

    static ClusterShape of(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000))) {
            Set<Integer> nodes = admin.describeCluster().nodes().get().stream().map(Node::id)
                    .collect(Collectors.toSet());
            Set<String> topics = admin.listTopics().names().get();
            List<String> present = List.copyOf(topics);
            Instant giveUpAt = Instant.now().plus(Duration.ofSeconds(90));
            Map<String, TopicDescription> described = admin.describeTopics(present).allTopicNames().get();
            while (!allInSync(described) && Instant.now().isBefore(giveUpAt)) {
                Thread.sleep(1_000);
                described = admin.describeTopics(present).allTopicNames().get();
            }
            Map<String, Integer> replicas = new TreeMap<>();
            Map<String, Integer> inSync = new TreeMap<>();
            described.values().forEach(topic -> topic.partitions().forEach(partition -> {
                replicas.put(topic.name() + "-" + partition.partition(), partition.replicas().size());
                inSync.put(topic.name() + "-" + partition.partition(), partition.isr().size());
            }));
            Map<String, String> minInSync = new TreeMap<>();
            List<ConfigResource> resources = present.stream()
                    .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
            admin.describeConfigs(resources).all().get().forEach((resource, config) ->
                    minInSync.put(resource.name(), config.get("min.insync.replicas").value()));
            return new ClusterShape(nodes, topics, replicas, inSync, minInSync);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("could not describe the cluster", e);
        }
    }

    private static boolean allInSync(Map<String, TopicDescription> topics) {
        return topics.values().stream().flatMap(topic -> topic.partitions().stream())
                .allMatch((TopicPartitionInfo p) -> p.isr().size() == p.replicas().size());
    }
}
