package uk.probation.gate.referral.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import uk.probation.gate.contracts.Topics;
import uk.probation.gate.platform.test.Http;
import uk.probation.gate.platform.test.RunningService;
import uk.probation.gate.platform.test.Tokens;
import uk.probation.gate.referral.TestClock;

/**
 * Referrals end to end, against the embedded broker and Mongo wire server here and real Kafka and MongoDB images
 * where Docker exists: plans and releases go onto resettlement.events, people act through HTTP with real tokens,
 * and the scenarios read referral.events, the API and the metrics. Time is moved on with {@link TestClock}.
 * <p>
 * The journeys ({@link RoutingScenarios}, {@link ProviderLifecycleScenarios}, {@link ManualReferralScenarios},
 * {@link EscalationScenarios}, {@link ReleaseAndOpsScenarios}) share this configuration and so one application
 * context. It consumes in a consumer group of its own: the other referral contexts (caseworker, person, data
 * protection) never take its events, whichever of them Spring's context cache keeps.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "referral.escalation.interval=PT0.5S", "referral.escalation.grace=PT1H", "referral.metrics-refresh=PT0.5S",
        "spring.cloud.stream.bindings.resettlementEvents-in-0.group=" + ReferralScenarioSupport.GROUP,
        "spring.cloud.stream.bindings.referralEvents-in-0.group=" + ReferralScenarioSupport.GROUP})
@AutoConfigureMetrics
@Import(TestClock.Config.class)
abstract class ReferralScenarioSupport extends RunningService {

    static final String GROUP = "referral-routing-it";
    static final String PLAN_V1 = "/schemas/resettlement.plan.completed/v1.json";
    static final String RELEASED_V1 = "/schemas/resettlement.prisoner.released/v1.json";
    static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    @Autowired
    MeterRegistry meters;

    @Autowired
    TestClock clock;

    @Autowired
    Escalations escalations;

    final String admin = Tokens.forRole("ADMIN");
    final String viewer = Tokens.forRole("OPS_VIEWER");
    final String caseworker = Tokens.caseworkerAt("test-caseworker", "NMI");

    static JsonNode sova(Http.Response response) {
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().get("items").size()).isEqualTo(1);
        JsonNode item = response.body().get("items").get(0);
        assertThat(item.get("providerCode").asString()).isEqualTo("SOVA");
        return item;
    }

    static long achieved(JsonNode item) {
        long count = 0;
        for (JsonNode o : item.get("outcomes")) {
            if ("CHILDREN_FAMILIES_AND_COMMUNITY".equals(o.get("need").asString())
                    && "ACHIEVED".equals(o.get("outcome").asString())) {
                count += o.get("count").asLong();
            }
        }
        return count;
    }

    /** The same service a second time, on the same broker, store and (shared) clock, in the same consumer group. */
    ConfigurableApplicationContext secondInstance() {
        return new SpringApplicationBuilder(uk.probation.gate.referral.ReferralApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("clock", clock))
                .run(anotherInstance(List.of(), "referral.escalation.interval", "referral.escalation.grace",
                        "referral.metrics-refresh", "spring.cloud.stream.bindings.resettlementEvents-in-0.group",
                        "spring.cloud.stream.bindings.referralEvents-in-0.group"));
    }

    double dueWithoutAccommodation(String prison) {
        return meters.find("referral.releases.due.without.accommodation").tag("prison", prison).gauges().stream()
                .mapToDouble(io.micrometer.core.instrument.Gauge::value).sum();
    }

    void workReferrals(String caseId) {
        Map<String, JsonNode> byNeed = referralsOfCase(caseId, 2);
        String housing = byNeed.get("ACCOMMODATION").get("id").asString();
        String work = byNeed.get("EDUCATION_SKILLS_AND_WORK").get("id").asString();
        String inHouse = Tokens.forProvider("IN_HOUSE_HOUSING");
        String ingeus = Tokens.forProvider("INGEUS");
        assertThat(http.post("/api/referrals/" + housing + "/acceptance", inHouse, Map.of()).status()).isEqualTo(200);
        assertThat(http.post("/api/referrals/" + housing + "/outcome", inHouse,
                Map.of("outcome", "SETTLED_ACCOMMODATION_SECURED")).status()).isEqualTo(200);
        assertThat(http.post("/api/referrals/" + work + "/acceptance", ingeus, Map.of()).status()).isEqualTo(200);
        assertThat(http.post("/api/referrals/" + work + "/outcome", ingeus, Map.of("outcome", "NOT_SECURED"))
                .status()).isEqualTo(200);
    }

    JsonNode awaitJoin(String caseId, Predicate<JsonNode> done) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> http.get("/api/releases/" + caseId, admin),
                        r -> r.status() == 200 && done.test(r.body())).body();
    }

    static Map<String, String> withoutIdentity(JsonNode join) {
        return join.properties().stream()
                .filter(e -> !List.of("caseId", "prisonNumber").contains(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().toString()));
    }

    List<Object> currentRules() {
        Http.Response rules = http.get("/api/routing-rules", admin);
        assertThat(rules.status()).isEqualTo(200);
        List<Object> list = new ArrayList<>();
        rules.body().get("items").forEach(rule -> list.add(JSON.treeToValue(rule, Map.class)));
        return list;
    }

    Map<String, JsonNode> referralsOfCase(String caseId, int atLeast) {
        JsonNode items = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> http.get("/api/referrals?size=200&caseId=" + caseId, admin).body().get("items"),
                        found -> found != null && found.size() >= atLeast);
        Map<String, JsonNode> byNeed = new LinkedHashMap<>();
        items.forEach(item -> byNeed.put(item.get("need").asString(), item));
        return byNeed;
    }

    String manualReferral(String prisonNumber, String need, String prisonCode, String sex, String risk) {
        Http.Response created = http.post("/api/referrals", Tokens.caseworkerAt("test-caseworker", prisonCode),
                manual(prisonNumber, need, prisonCode, sex, risk));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.field("source")).isEqualTo("MANUAL");
        return created.field("id");
    }

    static Map<String, Object> manual(String prisonNumber, String need, String prisonCode, String sex,
            String risk) {
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> person = new LinkedHashMap<>();
        if (prisonNumber != null) {
            person.put("prisonNumber", prisonNumber);
        }
        body.put("personReference", person);
        body.put("need", need);
        if (prisonCode != null) {
            body.put("prisonCode", prisonCode);
        }
        body.put("sex", sex);
        body.put("riskOfSeriousHarm", risk);
        return body;
    }

    void sendPlan(String caseId, String prisonNumber, String key, String sex, int version,
            Map<String, String> needs) {
        sendPlan(UUID.randomUUID().toString(), caseId, prisonNumber, key, sex, version, needs);
    }

    void sendPlan(String eventId, String caseId, String prisonNumber, String key, String sex, int version,
            Map<String, String> needs) {
        sendPlanAt("FEMALE".equals(sex) ? "FHI" : "NMI", eventId, caseId, prisonNumber, key, sex, version, needs);
    }

    void sendPlanAt(String prisonCode, String eventId, String caseId, String prisonNumber, String key,
            String sex, int version, Map<String, String> needs) {
        String needList = needs.entrySet().stream()
                .map(n -> "{\"pathway\":\"%s\",\"status\":\"%s\"}".formatted(n.getKey(), n.getValue()))
                .collect(Collectors.joining(","));
        String plan = """
                {"caseId":"%s","prisonNumber":"%s","prisonCode":"%s","sex":"%s","riskOfSeriousHarm":"MEDIUM",
                 "responsibleOfficerCode":"N01RO1","planVersion":%d,"completedOn":"2026-11-20","completedOnTime":true,
                 "needs":[%s]}
                """.formatted(caseId, prisonNumber, prisonCode, sex, version, needList);
        topics.send(Topics.RESETTLEMENT, key, plan, headers(eventId, "resettlement.plan.completed", prisonNumber,
                PLAN_V1));
    }

    void sendRelease(String eventId, String caseId, String prisonNumber) {
        String released = """
                {"caseId":"%s","prisonNumber":"%s","prisonCode":"NMI","sex":"MALE","releasedOn":"2027-02-01",
                 "accommodationOnRelease":"SETTLED","eteOnRelease":"NONE","metAtGate":true,"outcomeRecorded":true,
                 "reason":"RELEASED"}
                """.formatted(caseId, prisonNumber);
        topics.send(Topics.RESETTLEMENT, prisonNumber, released, headers(eventId, "resettlement.prisoner.released",
                prisonNumber, RELEASED_V1));
    }

    static Map<String, String> headers(String id, String type, String subject, String dataschema) {
        return Map.of("ce_id", id, "ce_type", type, "ce_source", "/resettlement-service", "ce_specversion", "1.0",
                "ce_subject", subject, "ce_time", "2026-11-20T09:00:00Z", "ce_dataschema", dataschema,
                "content-type", "application/json");
    }

    double counter(String name, String tag, String value) {
        return meters.find(name).tag(tag, value).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    double escalations(String stage, String provider) {
        return meters.find("referral.escalations").tag("stage", stage).tag("provider", provider).counters()
                .stream().mapToDouble(c -> c.count()).sum();
    }

    static List<String> ids(Http.Response response) {
        assertThat(response.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.body().get("items").forEach(i -> ids.add(i.get("id").asString()));
        return ids;
    }

    double overdue(String need, String provider) {
        return meters.find("referral.responses.overdue").tag("need", need).tag("provider", provider).counters()
                .stream().mapToDouble(c -> c.count()).sum();
    }

    long timeToAccept(String need, String provider) {
        return meters.find("referral.time.to.accept").tag("need", need).tag("provider", provider).timers().stream()
                .mapToLong(Timer::count).sum();
    }

    double gauge(String need, String outcome) {
        return meters.find("referral.releases.with.need").tag("need", need).tag("outcome", outcome).gauges()
                .stream().mapToDouble(g -> g.value()).sum();
    }
}
