package uk.probation.gate.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static uk.probation.gate.infra.stack.StackComponent.COMMUNITY_PAYBACK;
import static uk.probation.gate.infra.stack.StackComponent.NOTIFICATIONS;
import static uk.probation.gate.infra.stack.StackComponent.REFERRAL;
import static uk.probation.gate.infra.stack.StackComponent.RESETTLEMENT;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import uk.probation.gate.simulator.Simulator;
import uk.probation.gate.simulator.SimulatorOptions;

/**
 * The dashboards and alert rules, proven against the real system and Debian's real {@code prometheus} binary: the
 * whole stack runs, the simulator drives a small seeded cohort through the public APIs and the HMPPS topic,
 * Prometheus scrapes the four services every second, and then every panel query in
 * {@code infra/grafana/dashboards/*.json} and every alert expression in {@code infra/prometheus/rules/*.yml} is
 * executed through {@code /api/v1/query}. Each panel query returns data; each alert expression evaluates and the
 * metrics it selects exist; and the headline ratios equal what the simulator's own record says it did.
 */
class OutcomeDashboardsIT {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<StackComponent> SERVICES = List.of(RESETTLEMENT, COMMUNITY_PAYBACK, REFERRAL,
            NOTIFICATIONS);

    private static RunningStack stack;
    private static Process prometheus;
    private static String prometheusUrl;
    private static JsonNode record;
    private static Path workDir;

    @BeforeAll
    static void startStackRunSimulatorAndScrape() throws Exception {
        Path binary = prometheusBinary();
        List<StackComponent> components = new java.util.ArrayList<>(List.of(StackComponent.KAFKA,
                StackComponent.MONGO, StackComponent.AUTH, StackComponent.MAIL));
        components.addAll(SERVICES);
        // no web app: the simulator drives the services' APIs and Prometheus scrapes the services
        stack = LocalStack.start(StackOptions.defaults().withRandomPorts().withTemporaryDataDir().only(components)
                .withStartupTimeout(Duration.ofSeconds(300))
                // nothing here starts a service twice: a class-data archive would never be used (ADR 0014)
                .withArchiveTraining(false)
                // gauges computed from the stores refresh every second instead of every 15 s
                .withArgsForAllServices("--resettlement.metrics-refresh=PT1S", "--referral.metrics-refresh=PT1S",
                        "--community-payback.metrics-refresh=PT1S"));
        workDir = Files.createTempDirectory("outcome-dashboards-it");

        SimulatorOptions options = SimulatorOptions.defaults().withCounts(24, 10, 2).withSeed(3)
                .withEndpoints(url(RESETTLEMENT), url(COMMUNITY_PAYBACK), url(REFERRAL), url(NOTIFICATIONS),
                        stack.issuerUri().replaceAll("/$", ""), stack.kafkaBootstrapServers(),
                        workDir.resolve("simulation-record.json"));
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        Simulator.run(options, new PrintStream(progress, true, StandardCharsets.UTF_8));
        record = JSON.readTree(Files.readString(workDir.resolve("simulation-record.json")));
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("simulator: summary", "receptions",
                "[####################] 24/24");

        prometheus = startPrometheus(binary);
        // every service scraped, and the last gauges computed from the stores reflect the whole cohort
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(values("up{job=\"services\"} == 1")).hasSize(SERVICES.size());
            assertThat(scalar("sum(resettlement_releases_accommodation)"))
                    .isEqualTo(record.get("expected").get("released").asDouble());
            assertThat(scalar("sum(resettlement_screenings_overdue)"))
                    .isEqualTo(record.get("expected").get("screeningsOverdue").asDouble());
            assertThat(scalar("sum(community_payback_orders_completed_total)"))
                    .isEqualTo(record.get("expected").get("ordersCompleted").asDouble());
            assertThat(values("referral_releases_with_need")).isNotEmpty();
            assertThat(scalar("sum(referral_releases_due_without_accommodation)"))
                    .isEqualTo(record.get("expected").get("releasesDueWithoutAccommodation").asDouble());
            assertThat(values("community_payback_sessions_at_risk")).isNotEmpty();
            // rate() and increase() need two samples of each counter
            assertThat(values("count_over_time(up{job=\"services\"}[1m]) >= 3")).hasSize(SERVICES.size());
        });
    }

    @AfterAll
    static void stop() throws IOException {
        if (prometheus != null) {
            prometheus.destroy();
            try {
                if (!prometheus.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    prometheus.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (stack != null) {
            stack.close();
        }
        if (workDir != null) {
            try (Stream<Path> files = Files.walk(workDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Test
    void everyPanelQueryReturnsData() throws IOException {
        Map<String, String> queries = panelQueries();
        assertThat(queries).hasSizeGreaterThan(30);
        Map<String, String> empty = new LinkedHashMap<>();
        queries.forEach((panel, expr) -> {
            if (values(expr).isEmpty()) {
                empty.put(panel, expr);
            }
        });
        assertThat(empty).as("panel queries that return no data").isEmpty();
    }

    @Test
    void everyAlertExpressionEvaluatesOverMetricsThatExist() throws IOException {
        Map<String, String> alerts = alertExpressions();
        assertThat(alerts).containsKeys("ReleaseDueWithoutAccommodation", "OutboxEventsStuck", "DeadLettersGrowing", "ConsumerLagHigh", "ServiceDown",
                "SessionsAtRisk", "UnroutableReferralsGrowing");
        Map<String, String> missing = new LinkedHashMap<>();
        alerts.forEach((alert, expr) -> {
            values(expr); // status success, or the query fails the test naming the expression
            for (String selector : selectors(expr)) {
                if (values(selector).isEmpty()) {
                    missing.put(alert + " " + selector, expr);
                }
            }
        });
        assertThat(missing).as("alert selectors with no series").isEmpty();
        // the simulator leaves one unsupervised session tomorrow per area: the at-risk alert condition holds
        assertThat(values(alerts.get("SessionsAtRisk"))).extracting(r -> r.get("metric").get("area").asString())
                .containsExactlyInAnyOrder("N53DER", "N53LEI", "N53NOT", "N53RUT");
        // ...and the people due out without accepted accommodation (the first prisons in turn)
        assertThat(values(alerts.get("ReleaseDueWithoutAccommodation")))
                .extracting(r -> r.get("metric").get("prison").asString()).containsExactlyInAnyOrder("NMI", "LCI");
    }

    @Test
    void theHeadlineRatiosEqualWhatTheSimulatorDid() throws IOException {
        JsonNode expected = record.get("expected");
        // seed 3 draws a cohort with every path: homeless and not, women, late plans, declines, an order completed
        // after 12 months, stand-downs and sent-home sessions, motivation assessed and not
        assertThat(expected.get("homeless").asInt()).isPositive();
        assertThat(expected.get("completedWithin12Months").asInt()).isPositive()
                .isLessThan(expected.get("ordersCompleted").asInt());

        assertThat(scalar(panelExpr("resettlement-outcomes", "Homeless on release (share NO_FIXED_ABODE)", 0)))
                .isCloseTo(expected.get("homelessShare").asDouble(), within(1e-9));
        Map<String, Double> byPrisonAndSex = byLabels(
                panelExpr("resettlement-outcomes", "Homeless on release by prison and sex", 0), "prison", "sex");
        Map<String, Double> wantedByPrisonAndSex = new HashMap<>();
        expected.get("homelessShareByPrisonAndSex").properties()
                .forEach(e -> wantedByPrisonAndSex.put(e.getKey(), e.getValue().asDouble()));
        assertThat(byPrisonAndSex).containsOnlyKeys(wantedByPrisonAndSex.keySet());
        wantedByPrisonAndSex.forEach((key, share) -> assertThat(byPrisonAndSex.get(key)).as(key)
                .isCloseTo(share, within(1e-9)));
        Map<String, Double> bySex = byLabels(panelExpr("resettlement-outcomes", "Homeless on release, women and men", 0),
                "sex");
        expected.get("homelessShareBySex").properties().forEach(e -> assertThat(bySex.get(e.getKey())).as(e.getKey())
                .isCloseTo(e.getValue().asDouble(), within(1e-9)));
        assertThat(scalar(panelExpr("resettlement-outcomes", "Without work on release (share ETE NONE)", 0)))
                .isCloseTo(expected.get("noWorkShare").asDouble(), within(1e-9));

        assertThat(scalar(panelExpr("unpaid-work", "Positive completion within 12 months", 0)))
                .isCloseTo(expected.get("positiveCompletionRate").asDouble(), within(1e-9));
        assertThat(scalar(panelExpr("unpaid-work", "Assessments with motivation assessed", 0)))
                .isCloseTo(expected.get("motivationAssessedShare").asDouble(), within(1e-9));
        assertThat(scalar("sum(community_payback_sent_home_total)"))
                .isEqualTo(expected.get("sentHomeOrWithdrawn").asDouble());
        assertThat(scalar("sum(community_payback_enforceable_failures_total{outcome=\"UNACCEPTABLE_ABSENCE\"})"))
                .isEqualTo(expected.get("unacceptableAbsences").asDouble());
        // a reception sent on the HMPPS topic and then through the API opens one case, not two
        assertThat(record.get("people").findValues("viaHmpps").stream().filter(JsonNode::asBoolean)).isNotEmpty();
        assertThat(scalar("sum(resettlement_cases_received_total)")).isEqualTo(record.get("people").size());
        assertThat(scalar("sum(resettlement_plans_completed_total{timeliness=\"LATE\"})"))
                .isEqualTo(expected.get("plansLate").asDouble());
        long declined = 0;
        long accepted = 0;
        for (JsonNode person : record.get("people")) {
            for (JsonNode referral : person.get("referrals")) {
                declined += referral.asString().endsWith(":DECLINED") ? 1 : 0;
                accepted += referral.asString().contains(":ACCEPTED:") ? 1 : 0;
            }
        }
        assertThat(declined).isPositive();
        assertThat(scalar("sum(referral_referrals_declined_total)")).isEqualTo(declined);
        assertThat(scalar("sum(referral_referrals_accepted_total)")).isEqualTo(accepted);
    }

    // --- Prometheus -------------------------------------------------------------------------------------------

    private static Path prometheusBinary() {
        Path binary = Path.of(System.getenv().getOrDefault("PROMETHEUS_BINARY", "/usr/bin/prometheus"));
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("OutcomeDashboardsIT needs the real prometheus binary at " + binary
                    + " (install Debian's prometheus: infra/compose/validate.sh does, or set PROMETHEUS_BINARY)");
        }
        return binary;
    }

    private static Process startPrometheus(Path binary) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        // actuator answers on each service's management port only
        String targets = SERVICES.stream().map(s -> "\"127.0.0.1:" + stack.managementPort(s) + "\"")
                .collect(Collectors.joining(", "));
        Path rules = stack.projectRoot().resolve("infra/prometheus/rules").toAbsolutePath();
        Path config = workDir.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files:
                  - %s/*.yml
                scrape_configs:
                  - job_name: services
                    metrics_path: /actuator/prometheus
                    static_configs:
                      - targets: [%s]
                """.formatted(rules, targets));
        Path log = workDir.resolve("prometheus.log");
        Process process = new ProcessBuilder(binary.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + workDir.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        prometheusUrl = "http://127.0.0.1:" + port;
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertThat(process.isAlive()).as("prometheus exited: " + Files.readString(log)).isTrue();
            try {
                return HTTP.send(HttpRequest.newBuilder(URI.create(prometheusUrl + "/-/ready")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            }
        });
        return process;
    }

    /** The result vector of an instant query; any status other than success fails, naming the query. */
    private static List<JsonNode> values(String expr) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(prometheusUrl
                    + "/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(response.body());
            assertThat(body.get("status").asString()).as(expr + " -> " + response.body()).isEqualTo("success");
            JsonNode result = body.get("data").get("result");
            List<JsonNode> rows = new ArrayList<>();
            if (result.isArray()) {
                result.forEach(rows::add);
            } else {
                rows.add(JSON.createObjectNode().set("value", result));
            }
            return rows;
        } catch (IOException e) {
            throw new IllegalStateException("prometheus did not answer " + expr, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double scalar(String expr) {
        List<JsonNode> rows = values(expr);
        assertThat(rows).as(expr).hasSize(1);
        return Double.parseDouble(rows.get(0).get("value").get(1).asString());
    }

    private static Map<String, Double> byLabels(String expr, String... labels) {
        Map<String, Double> values = new HashMap<>();
        for (JsonNode row : values(expr)) {
            String key = Stream.of(labels).map(l -> row.get("metric").get(l).asString())
                    .collect(Collectors.joining("/"));
            values.put(key, Double.parseDouble(row.get("value").get(1).asString()));
        }
        return values;
    }

    // --- the dashboards and rules as provisioned ----------------------------------------------------------------

    private static List<Path> dashboards() throws IOException {
        try (Stream<Path> files = Files.list(stack.projectRoot().resolve("infra/grafana/dashboards"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    /** Every target expression of every panel, keyed by dashboard, panel title and refId. */
    private static Map<String, String> panelQueries() throws IOException {
        Map<String, String> queries = new LinkedHashMap<>();
        for (Path file : dashboards()) {
            JsonNode dashboard = JSON.readTree(Files.readString(file));
            List<JsonNode> panels = new ArrayList<>();
            dashboard.get("panels").forEach(p -> {
                panels.add(p);
                if (p.has("panels")) {
                    p.get("panels").forEach(panels::add);
                }
            });
            for (JsonNode panel : panels) {
                if (panel.has("targets")) {
                    panel.get("targets").forEach(t -> queries.put(file.getFileName() + " / "
                            + panel.get("title").asString() + " / " + t.get("refId").asString(),
                            grafanaVariablesReplaced(t.get("expr").asString())));
                }
            }
        }
        return queries;
    }

    private static String panelExpr(String dashboard, String title, int target) throws IOException {
        JsonNode json = JSON.readTree(Files.readString(stack.projectRoot()
                .resolve("infra/grafana/dashboards/" + dashboard + ".json")));
        for (JsonNode panel : json.get("panels")) {
            if (title.equals(panel.get("title").asString())) {
                return grafanaVariablesReplaced(panel.get("targets").get(target).get("expr").asString());
            }
        }
        throw new AssertionError("no panel titled " + title + " in " + dashboard);
    }

    private static String grafanaVariablesReplaced(String expr) {
        return expr.replace("$__rate_interval", "1m").replace("$__interval", "1m").replace("$__range", "1h");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> alertExpressions() throws IOException {
        Map<String, String> alerts = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(stack.projectRoot().resolve("infra/prometheus/rules"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
                Map<String, Object> yaml = new Yaml().load(Files.readString(file));
                for (Map<String, Object> group : (List<Map<String, Object>>) yaml.get("groups")) {
                    for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                        String name = (String) (rule.containsKey("alert") ? rule.get("alert") : rule.get("record"));
                        alerts.put(name, String.valueOf(rule.get("expr")).trim());
                    }
                }
            }
        }
        return alerts;
    }

    private static final Set<String> PROMQL_WORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "and", "or", "unless", "bool", "offset", "inf", "nan");
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(\\{[^}]*\\})?\\s*(\\()?");

    /** The metric selectors of an expression (names with their matchers), not functions, keywords or labels. */
    static List<String> selectors(String expr) {
        String stripped = expr.replaceAll("(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
                .replaceAll("\\[[^\\]]*\\]", " ");
        List<String> found = new ArrayList<>();
        Matcher m = SELECTOR.matcher(stripped);
        while (m.find()) {
            String name = m.group(1);
            boolean function = m.group(3) != null && m.group(2) == null;
            if (!function && !PROMQL_WORDS.contains(name.toLowerCase())) {
                found.add(name + (m.group(2) == null ? "" : m.group(2)));
            }
        }
        return found;
    }

    private static String url(StackComponent service) {
        return stack.baseUrl(service).toString().replaceAll("/$", "");
    }
}
