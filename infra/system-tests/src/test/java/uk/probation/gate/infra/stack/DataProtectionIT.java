package uk.probation.gate.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static uk.probation.gate.infra.stack.StackComponent.COMMUNITY_PAYBACK;
import static uk.probation.gate.infra.stack.StackComponent.NOTIFICATIONS;
import static uk.probation.gate.infra.stack.StackComponent.REFERRAL;
import static uk.probation.gate.infra.stack.StackComponent.RESETTLEMENT;
import static uk.probation.gate.infra.stack.StackComponent.WEB;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.probation.gate.infra.stack.browser.SharedStack;
import uk.probation.gate.platform.test.Http;
import uk.probation.gate.platform.test.Identifiers;
import uk.probation.gate.platform.test.TopicReader;

/**
 * Issue #12 on the whole system, with tokens from the real authorization server: one person goes through reception,
 * plan, referral and notification, then the HMPPS subject access request is made of all four services with the
 * {@code sar-data-access} client, a token narrowed to one service is refused by the others, actuator is absent from
 * every API port, and Prometheus scrapes the management ports with the shipped configuration. Shares the stack the
 * browser tests use ({@link SharedStack}): one start for all of them.
 */
class DataProtectionIT {

    private static final List<StackComponent> SERVICES = List.of(RESETTLEMENT, COMMUNITY_PAYBACK, REFERRAL,
            NOTIFICATIONS);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static RunningStack stack;
    private static String prisonNumber;
    private static String crn;
    private static String caseId;
    private static String referralId;
    private static String orderId;
    private static Process prometheus;
    private static Path prometheusDir;

    /** One person: received with a CRN and an officer, planned (accommodation needed), referred, told; and an order. */
    @BeforeAll
    static void onePersonThroughReceptionPlanReferralAndNotification() {
        stack = SharedStack.get();
        TopicReader topics = new TopicReader(stack.kafkaBootstrapServers());
        prisonNumber = Identifiers.prisonNumber();
        crn = Identifiers.crn();
        String officer = "N01DP" + ThreadLocalRandom.current().nextInt(10_000, 99_999);
        String admin = stack.accessToken("admin");
        String caseworker = stack.accessToken("caseworker");
        assertThat(http(NOTIFICATIONS).put("/api/recipients/" + officer, admin, Map.of("kind", "RESPONSIBLE_OFFICER",
                "email", officer.toLowerCase() + "@probation.example", "language", "en")).status()).isEqualTo(200);

        Http.Response opened = http(RESETTLEMENT).post("/api/cases", caseworker, Map.of("prisonNumber", prisonNumber,
                "crn", crn, "prisonCode", "NMI", "receivedOn", LocalDate.now().toString(),
                "expectedReleaseDate", LocalDate.now().plusMonths(4).toString(), "sex", "MALE",
                "riskOfSeriousHarm", "MEDIUM", "responsibleOfficerCode", officer));
        assertThat(opened.status()).as(String.valueOf(opened.body())).isEqualTo(201);
        caseId = opened.field("id");

        OfficerToldAtEveryStep.completePlanNeedingAccommodation(http(RESETTLEMENT), caseworker, caseId);
        referralId = topics.await("referral.events", e -> "referral.referral.sent".equals(e.header("ce_type"))
                && prisonNumber.equals(e.key()), 1).get(0).data().get("referralId").asString();
        // the officer was told of the reception and of the plan
        await().atMost(Duration.ofSeconds(60)).until(() -> http(NOTIFICATIONS)
                .get("/api/notifications?recipientCode=" + officer + "&size=50", stack.accessToken("admin")).body()
                .get("items").size() >= 2);

        Http.Response order = http(COMMUNITY_PAYBACK).post("/api/orders", stack.accessToken("coordinator"), Map.of(
                "crn", crn, "sentenceDate", LocalDate.now().toString(), "requiredHours", 40, "areaCode", "N53NOT",
                "sex", "MALE", "riskOfSeriousHarm", "LOW"));
        assertThat(order.status()).as(String.valueOf(order.body())).isEqualTo(201);
        orderId = order.field("id");
    }

    @AfterAll
    static void stopPrometheus() throws IOException, InterruptedException {
        if (prometheus != null) {
            prometheus.destroy();
            if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
                prometheus.destroyForcibly();
            }
        }
        if (prometheusDir != null) {
            try (var files = Files.walk(prometheusDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void theSubjectAccessRequestFindsThePersonInEveryServiceThatHoldsThem() {
        String sar = stack.accessToken("sar-data-access");
        String both = "?prn=" + prisonNumber + "&crn=" + crn;

        for (StackComponent service : List.of(RESETTLEMENT, REFERRAL, NOTIFICATIONS)) {
            Http.Response report = http(service).get("/subject-access-request" + both, sar);
            assertThat(report.status()).as(service + ": " + report.body()).isEqualTo(200);
            assertThat(report.body().get("content").isObject()).as(service.name()).isTrue();
            assertThat(report.body().get("content").toString()).as(service + " names the person")
                    .containsAnyOf(prisonNumber, crn);
        }
        // the case and its referral, by their ids
        assertThat(http(RESETTLEMENT).get("/subject-access-request" + both, sar).body().toString()).contains(caseId);
        assertThat(http(REFERRAL).get("/subject-access-request" + both, sar).body().toString()).contains(referralId);
        // a person nobody has heard of: nothing held
        assertThat(http(RESETTLEMENT).get("/subject-access-request?prn=" + Identifiers.prisonNumber(), sar).status())
                .isEqualTo(204);
        // only the SAR role may ask
        assertThat(http(RESETTLEMENT).get("/subject-access-request" + both, stack.accessToken("caseworker")).status())
                .isEqualTo(403);
    }

    @Test
    void communityPaybackHoldsNoPrisonNumbersButAnswersForTheCrn() {
        String sar = stack.accessToken("sar-data-access");
        Http payback = http(COMMUNITY_PAYBACK);

        assertThat(payback.get("/subject-access-request?prn=" + prisonNumber, sar).status()).isEqualTo(209);
        Http.Response report = payback.get("/subject-access-request?crn=" + crn, sar);
        assertThat(report.status()).as(String.valueOf(report.body())).isEqualTo(200);
        assertThat(report.body().get("content").toString()).contains(crn, orderId);
        assertThat(payback.get("/subject-access-request?crn=" + Identifiers.crn(), sar).status()).isEqualTo(204);
    }

    @Test
    void aTokenForOneServiceIsRefusedByTheOthers() {
        String forReferral = stack.accessToken("sar-data-access", "referral-service");
        String request = "/subject-access-request?prn=" + prisonNumber;

        assertThat(RealClients.claims(forReferral).get("aud").toString()).contains("referral-service")
                .doesNotContain("resettlement-service");
        assertThat(http(REFERRAL).get(request, forReferral).status()).isEqualTo(200);
        assertThat(http(RESETTLEMENT).get(request, forReferral).status()).isEqualTo(401);
        assertThat(http(NOTIFICATIONS).get(request, forReferral).status()).isEqualTo(401);
        // the same client's ordinary token names all four services
        assertThat(http(RESETTLEMENT).get(request, stack.accessToken("sar-data-access")).status()).isEqualTo(200);
    }

    @Test
    void actuatorIsOnlyOnTheManagementPortsWhichPrometheusScrapes() throws Exception {
        for (StackComponent service : SERVICES) {
            assertThat(status(stack.baseUrl(service) + "/actuator/health")).as(service + " API port").isEqualTo(404);
            assertThat(status(stack.baseUrl(service) + "/actuator/prometheus")).as(service + " API port")
                    .isEqualTo(404);
            assertThat(status(stack.managementUrl(service) + "/actuator/health")).as(service + " management port")
                    .isEqualTo(200);
        }
        assertThat(status(stack.baseUrl(WEB) + "/actuator/health")).as("web app's port").isNotEqualTo(200);
        assertThat(status(stack.managementUrl(WEB) + "/actuator/health")).as("web app's management port")
                .isEqualTo(200);

        // the shipped local Prometheus configuration, pointed at this stack's management ports
        String prometheusUrl = startPrometheus();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode targets = JSON.readTree(get(prometheusUrl + "/api/v1/targets?state=active"))
                    .at("/data/activeTargets");
            List<String> up = new ArrayList<>();
            targets.forEach(t -> {
                if ("services".equals(t.at("/labels/job").asString()) && "up".equals(t.get("health").asString())) {
                    up.add(t.at("/labels/instance").asString());
                }
            });
            assertThat(up).containsExactlyInAnyOrderElementsOf(SERVICES.stream()
                    .map(s -> "127.0.0.1:" + stack.managementPort(s)).toList());
        });
        String query = URLEncoder.encode("count(up{job=\"services\"} == 1)", StandardCharsets.UTF_8);
        assertThat(JSON.readTree(get(prometheusUrl + "/api/v1/query?query=" + query)).at("/data/result/0/value/1")
                .asString()).isEqualTo("4");
    }

    private static String startPrometheus() throws Exception {
        Path binary = Path.of(System.getenv().getOrDefault("PROMETHEUS_BINARY", "/usr/bin/prometheus"));
        assertThat(binary).as("Debian's prometheus (./run-tests.sh installs it)").isExecutable();
        Path shipped = stack.projectRoot().resolve("infra/prometheus/prometheus-local.yml");
        String config = Files.readString(shipped);
        for (StackComponent service : SERVICES) {
            String target = "127.0.0.1:" + service.defaultManagementPort();
            assertThat(config).as("prometheus-local.yml scrapes " + service + "'s management port").contains(target);
            config = config.replace(target, "127.0.0.1:" + stack.managementPort(service));
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        config = config.replace("scrape_interval: 15s", "scrape_interval: 1s")
                .replace("127.0.0.1:9090", "127.0.0.1:" + port)
                .replace("  - rules/*.yml", "  - " + shipped.getParent().toAbsolutePath().resolve("rules") + "/*.yml");
        prometheusDir = Files.createTempDirectory("data-protection-it-prometheus");
        Path file = prometheusDir.resolve("prometheus.yml");
        Files.writeString(file, config);
        Path log = prometheusDir.resolve("prometheus.log");
        prometheus = new ProcessBuilder(binary.toString(), "--config.file=" + file,
                "--storage.tsdb.path=" + prometheusDir.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        String url = "http://127.0.0.1:" + port;
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertThat(prometheus.isAlive()).as("prometheus exited: " + Files.readString(log)).isTrue();
            return status(url + "/-/ready") == 200;
        });
        return url;
    }

    private static int status(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException notListening) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static Http http(StackComponent service) {
        return WholeSystemIT.http(stack, service);
    }
}
