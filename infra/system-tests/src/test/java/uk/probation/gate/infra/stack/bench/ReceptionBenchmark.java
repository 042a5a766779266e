package uk.probation.gate.infra.stack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import uk.probation.gate.infra.stack.LocalStack;
import uk.probation.gate.infra.stack.RunningStack;
import uk.probation.gate.infra.stack.StackComponent;
import uk.probation.gate.infra.stack.StackOptions;
import uk.probation.gate.platform.test.Http;
import uk.probation.gate.platform.test.Identifiers;

/**
 * Receptions through the whole local stack: how long the stack takes to start and how much memory each JVM holds,
 * how many receptions per second resettlement-service takes, and how long each takes from the HTTP request to its
 * event on resettlement.events (outbox + relay + Kafka). Writes a Markdown report under benchmarks/.
 * Run with {@code benchmarks/run.sh [receptions] [clients]}.
 */
public final class ReceptionBenchmark {

    public static void main(String[] args) throws Exception {
        int receptions = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        Path reportDir = Path.of(args.length > 2 ? args[2] : "benchmarks");
        Instant startAsked = Instant.now();
        try (RunningStack stack = LocalStack.start(StackOptions.defaults().withRandomPorts().withTemporaryDataDir()
                .withStartupTimeout(Duration.ofSeconds(300)))) {
            Duration startup = Duration.between(startAsked, Instant.now());
            Map<StackComponent, Long> rssAfterStart = rss(stack);
            String token = stack.accessToken("caseworker");
            Http http = new Http(stack.baseUrl(StackComponent.RESETTLEMENT).toString());
            // warm-up: JIT, connection pools, topic metadata
            for (int i = 0; i < 50; i++) {
                http.post("/api/cases", token, reception(Identifiers.prisonNumber()));
            }
            Map<String, Instant> sentAt = new ConcurrentHashMap<>();
            List<Long> requestMillis = Collections.synchronizedList(new ArrayList<>());
            Map<String, Instant> publishedAt = new ConcurrentHashMap<>();
            Thread reader = new Thread(() -> readEvents(stack, sentAt.keySet(), publishedAt, receptions));
            reader.start();
            Instant begin = Instant.now();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < receptions; i++) {
                done.add(pool.submit(() -> {
                    String prisonNumber = Identifiers.prisonNumber();
                    Instant sent = Instant.now();
                    sentAt.put(prisonNumber, sent);
                    int status = http.post("/api/cases", token, reception(prisonNumber)).status();
                    requestMillis.add(Duration.between(sent, Instant.now()).toMillis());
                    if (status != 201 && status != 200) {
                        throw new IllegalStateException("reception answered " + status);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            Duration elapsed = Duration.between(begin, Instant.now());
            pool.shutdown();
            reader.join(Duration.ofSeconds(120).toMillis());
            List<Long> endToEnd = new ArrayList<>();
            publishedAt.forEach((key, at) -> {
                Instant sent = sentAt.get(key);
                if (sent != null) {
                    endToEnd.add(Duration.between(sent, at).toMillis());
                }
            });
            Map<StackComponent, Long> rssAfterLoad = rss(stack);
            String report = report(receptions, clients, startup, rssAfterStart, rssAfterLoad, elapsed,
                    new ArrayList<>(requestMillis), endToEnd);
            Files.createDirectories(reportDir);
            Path file = reportDir.resolve("reception-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                    .withZone(ZoneOffset.UTC).format(Instant.now()) + ".md");
            Files.writeString(file, report);
            System.out.println(report);
            System.out.println("Report written to " + file);
        }
    }

    private static void readEvents(RunningStack stack, java.util.Set<String> expected, Map<String, Instant> publishedAt,
            int count) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor("resettlement.events", Duration.ofSeconds(10))
                    .stream().map(p -> new TopicPartition("resettlement.events", p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant deadline = Instant.now().plusSeconds(180);
            while (publishedAt.size() < count && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    if (expected.contains(record.key())) {
                        publishedAt.putIfAbsent(record.key(), Instant.ofEpochMilli(record.timestamp()));
                    }
                }
            }
        }
    }

    private static Map<String, Object> reception(String prisonNumber) {
        return Map.of("prisonNumber", prisonNumber, "prisonCode", "NMI", "receivedOn", LocalDate.now().toString(),
                "sex", "MALE", "riskOfSeriousHarm", "MEDIUM", "responsibleOfficerCode", "N01BEN");
    }

    /** Resident memory of each child JVM, from /proc (Linux). */
    private static Map<StackComponent, Long> rss(RunningStack stack) {
        Map<StackComponent, Long> rss = new java.util.EnumMap<>(StackComponent.class);
        for (StackComponent component : stack.components()) {
            stack.process(component).ifPresent(process -> {
                try {
                    for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                        if (line.startsWith("VmRSS:")) {
                            rss.put(component, Long.parseLong(line.replaceAll("\\D", "")) / 1024);
                        }
                    }
                } catch (IOException e) {
                    rss.put(component, -1L);
                }
            });
        }
        return rss;
    }

    private static String report(int receptions, int clients, Duration startup, Map<StackComponent, Long> rssStart,
            Map<StackComponent, Long> rssLoad, Duration elapsed, List<Long> request, List<Long> endToEnd) {
        StringBuilder out = new StringBuilder();
        out.append("# Reception benchmark\n\n");
        out.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores; Java ")
                .append(System.getProperty("java.version")).append("; the whole local stack on one machine ")
                .append("(embedded-default infrastructure: Kafka KRaft from jars, Mongo wire server with H2 files).\n\n");
        out.append("| figure | value |\n| --- | --- |\n");
        out.append("| stack start, all components healthy | ").append(startup.toSeconds()).append(" s |\n");
        out.append("| receptions | ").append(receptions).append(" from ").append(clients).append(" concurrent clients |\n");
        out.append("| throughput | ").append(String.format("%.0f", receptions * 1000.0 / elapsed.toMillis()))
                .append(" receptions/s |\n");
        out.append("| HTTP 201 latency p50 / p95 / max | ").append(percentiles(request)).append(" ms |\n");
        out.append("| request → event on resettlement.events p50 / p95 / max | ").append(percentiles(endToEnd))
                .append(" ms (").append(endToEnd.size()).append(" events seen) |\n\n");
        out.append("| JVM | RSS after start (MB) | RSS after load (MB) |\n| --- | --- | --- |\n");
        rssStart.forEach((component, mb) -> out.append("| ").append(component.artifactName()).append(" | ").append(mb)
                .append(" | ").append(rssLoad.getOrDefault(component, -1L)).append(" |\n"));
        return out.toString();
    }

    private static String percentiles(List<Long> millis) {
        if (millis.isEmpty()) {
            return "n/a";
        }
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2) + " / " + sorted.get((int) (sorted.size() * 0.95)) + " / "
                + sorted.get(sorted.size() - 1);
    }
}
