package uk.probation.gate.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;

/** The topics as an operator sees them with the Admin API: partition leaders, consumer lag, dead-letter sizes. */
final class KafkaWatch implements AutoCloseable {

    /** The services' own event topics: every command's events go through one of them. */
    static final List<String> BUSY_TOPICS = List.of("resettlement.events", "community-payback.events",
            "referral.events");
    private static final long TIMEOUT_SECONDS = 15;

    private final Admin admin;

    KafkaWatch(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000));
    }

    /** A random partition of a random busy topic and the node id of its leader. */
    record Leader(String topic, int partition, int nodeId) {
    }

    Leader leaderOfRandomPartition(Random random) {
        String topic = BUSY_TOPICS.get(random.nextInt(BUSY_TOPICS.size()));
        try {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(topic);
            var partition = description.partitions().get(random.nextInt(description.partitions().size()));
            Node leader = partition.leader();
            if (leader == null || leader.isEmpty()) {
                throw new IllegalStateException(topic + "-" + partition.partition() + " has no leader");
            }
            return new Leader(topic, partition.partition(), leader.id());
        } catch (Exception e) {
            throw new IllegalStateException("cannot describe " + topic, e);
        }
    }

    /**
     * Partitions (of every topic) whose in-sync replicas are fewer than their replicas: a broker restarted by the
     * supervisor is "ready" before it has caught up as a follower; until then the cluster cannot lose another one.
     */
    List<String> underReplicated() {
        try {
            Set<String> topics = admin.listTopics(new org.apache.kafka.clients.admin.ListTopicsOptions()
                    .listInternal(true)).names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<String> under = new ArrayList<>();
            admin.describeTopics(topics).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .forEach((name, description) -> description.partitions().forEach(p -> {
                        if (p.isr().size() < p.replicas().size()) {
                            under.add(name + "-" + p.partition());
                        }
                    }));
            return under;
        } catch (Exception e) {
            return List.of("(cannot describe the topics: " + e.getMessage() + ")");
        }
    }

    /** Records in every dead-letter topic ({@code *.dlt}), by topic: the end offsets summed over partitions. */
    Map<String, Long> deadLetters() {
        try {
            Set<String> topics = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).stream()
                    .filter(name -> name.endsWith(".dlt")).collect(Collectors.toSet());
            Map<String, Long> sizes = new HashMap<>();
            if (topics.isEmpty()) {
                return sizes;
            }
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .forEach((name, description) -> description.partitions().forEach(p ->
                            request.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
            admin.listOffsets(request).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).forEach((tp, info) ->
                    sizes.merge(tp.topic(), info.offset(), Long::sum));
            topics.forEach(topic -> sizes.putIfAbsent(topic, 0L));
            return sizes;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the dead-letter topics", e);
        }
    }

    /** Records not yet consumed, per consumer group (committed offset against the end of each partition). */
    Map<String, Long> lag() {
        try {
            List<String> groups = new ArrayList<>();
            for (GroupListing listing : admin.listGroups(ListGroupsOptions.forConsumerGroups()).all()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                groups.add(listing.groupId());
            }
            Map<String, Long> lag = new HashMap<>();
            for (String group : groups) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> request = new HashMap<>();
                committed.keySet().forEach(tp -> request.put(tp, OffsetSpec.latest()));
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = request.isEmpty() ? Map.of()
                        : admin.listOffsets(request).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                long behind = 0;
                for (var entry : committed.entrySet()) {
                    if (entry.getValue() != null && ends.containsKey(entry.getKey())) {
                        behind += Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset());
                    }
                }
                lag.put(group, behind);
            }
            return lag;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the consumer groups", e);
        }
    }

    /**
     * The same, retried while a broker the round killed is still coming back (the Admin client's metadata may
     * briefly point at it): empty only if the cluster does not answer for a minute.
     */
    <T> T retried(java.util.function.Supplier<T> read) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 4; attempt++) {
            try {
                return read.get();
            } catch (RuntimeException e) {
                last = e;
                Api.sleep(1_000);
            }
        }
        throw last;
    }

    static long total(Map<String, Long> values) {
        return values.values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
