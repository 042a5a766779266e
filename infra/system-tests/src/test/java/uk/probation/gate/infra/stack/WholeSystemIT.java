package uk.probation.gate.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static uk.probation.gate.infra.stack.StackComponent.COMMUNITY_PAYBACK;
import static uk.probation.gate.infra.stack.StackComponent.NOTIFICATIONS;
import static uk.probation.gate.infra.stack.StackComponent.REFERRAL;
import static uk.probation.gate.infra.stack.StackComponent.RESETTLEMENT;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.probation.gate.platform.test.Http;
import uk.probation.gate.platform.test.Identifiers;
import uk.probation.gate.platform.test.PersonSignIn;
import uk.probation.gate.platform.test.TopicReader;

/**
 * The whole system as a newcomer runs it: Kafka, the Mongo wire server, the authorization server and the four
 * services, each in its own JVM, driven only through HTTP (with tokens from the real authorization server) and
 * Kafka. The first event travels reception → resettlement.events → referral-service and notifications-service.
 */
class WholeSystemIT {

    private static RunningStack stack;
    private static TopicReader topics;

    /** The same full stack the browser tests use: one start for the whole suite (it is stopped when the JVM ends). */
    @BeforeAll
    static void start() {
        stack = uk.probation.gate.infra.stack.browser.SharedStack.get();
        topics = new TopicReader(stack.kafkaBootstrapServers());
    }

    @Test
    void aReceptionReachesEveryServiceThatNeedsIt() throws Exception {
        String prisonNumber = Identifiers.prisonNumber();
        String admin = stack.accessToken("admin");
        assertThat(http(NOTIFICATIONS).put("/api/recipients/N01E2E", admin, Map.of("kind", "RESPONSIBLE_OFFICER",
                "email", "n01e2e@probation.example", "language", "cy")).status()).isEqualTo(200);
        Http resettlement = http(RESETTLEMENT);
        Http.Response opened = resettlement.post("/api/cases", stack.accessToken("caseworker"), Map.of(
                "prisonNumber", prisonNumber, "prisonCode", "NMI", "receivedOn", LocalDate.now().toString(),
                "expectedReleaseDate", LocalDate.now().plusMonths(6).toString(), "sex", "MALE",
                "riskOfSeriousHarm", "MEDIUM", "responsibleOfficerCode", "N01E2E"));
        assertThat(opened.status()).isEqualTo(201);

        TopicReader.Event received = topics.await("resettlement.events",
                e -> "resettlement.prisoner.received".equals(e.header("ce_type")) && prisonNumber.equals(e.key()), 1)
                .get(0);
        assertThat(received.data().get("caseId").asString()).isEqualTo(opened.field("id"));

        await().atMost(Duration.ofSeconds(30)).until(
                () -> http(REFERRAL).get("/api/people/" + prisonNumber, admin).status() == 200);
        JsonNode person = http(REFERRAL).get("/api/people/" + prisonNumber, admin).body();
        assertThat(person.get("prisonCode").asString()).isEqualTo("NMI");

        List<JsonNode> logged = notificationsFor("N01E2E", admin, 1);
        assertThat(logged).hasSize(1);
        assertThat(logged.get(0).get("sourceEventId").asString()).isEqualTo(received.header("ce_id"));
        // ...and the officer's e-mail went through the real SMTP server, in the language the directory gives
        List<JsonNode> mail = mailTo("n01e2e@probation.example", 1);
        assertThat(mail.get(0).get("subject").asString()).isEqualTo("Derbyn: " + prisonNumber + " yn HMP Nottingham");
        assertThat(logged.get(0).get("language").asString()).isEqualTo("cy");

        // the same event delivered again (as an upstream replay would): once both consumers are past it,
        // still one notification and one reception
        topics.send("resettlement.events", received.key(), received.value(), received.headers());
        long end = endOffset("resettlement.events", received.partition());
        awaitConsumed("notifications-service", "resettlement.events", received.partition(), end);
        awaitConsumed("referral-service", "resettlement.events", received.partition(), end);
        assertThat(notificationsFor("N01E2E", admin, 1)).hasSize(1);
        assertThat(mailTo("n01e2e@probation.example", 1)).hasSize(1);
        assertThat(http(REFERRAL).get("/api/people/" + prisonNumber, admin).body().get("receptions").asInt())
                .isEqualTo(1);
    }

    @Test
    void anHmppsAdmissionOpensACaseThatReferralsKnowAbout() {
        String prisonNumber = Identifiers.prisonNumber();
        topics.send("prison-offender-events", prisonNumber, """
                {"eventType":"prison-offender-events.prisoner.received","version":1,
                 "occurredAt":"%sT08:00:00Z","description":"A prisoner has been received into prison",
                 "personReference":{"identifiers":[{"type":"NOMS","value":"%s"}]},
                 "additionalInformation":{"nomsNumber":"%s","prisonId":"LCI","reason":"ADMISSION"}}
                """.formatted(LocalDate.now(), prisonNumber, prisonNumber), Map.of());

        topics.await("resettlement.events",
                e -> "resettlement.prisoner.received".equals(e.header("ce_type")) && prisonNumber.equals(e.key()), 1);
        String admin = stack.accessToken("admin");
        await().atMost(Duration.ofSeconds(30)).until(
                () -> http(REFERRAL).get("/api/people/" + prisonNumber, admin).status() == 200);
    }

    @Test
    void communityPaybackTakesAnOrderAndPublishesIt() {
        String crn = Identifiers.crn();
        Http.Response order = http(COMMUNITY_PAYBACK).post("/api/orders", stack.accessToken("coordinator"), Map.of(
                "crn", crn, "sentenceDate", LocalDate.now().toString(), "requiredHours", 120, "areaCode", "N53LEI",
                "sex", "FEMALE", "riskOfSeriousHarm", "LOW"));

        assertThat(order.status()).isEqualTo(201);
        TopicReader.Event event = topics.await("community-payback.events",
                e -> "community-payback.order.received".equals(e.header("ce_type")) && crn.equals(e.key()), 1).get(0);
        assertThat(event.data().get("requiredMinutes").asInt()).isEqualTo(7200);
    }

    @Test
    void onePersonFromReceptionThroughPlanReferralAndOutcomeToRelease() throws Exception {
        String prisonNumber = Identifiers.prisonNumber();
        String admin = stack.accessToken("admin");
        String caseworker = stack.accessToken("caseworker");
        http(NOTIFICATIONS).put("/api/recipients/N01JRN", admin, Map.of("kind", "RESPONSIBLE_OFFICER",
                "email", "n01jrn@probation.example", "language", "en"));

        // received from the prison feed
        topics.send("prison-offender-events", prisonNumber, admission(prisonNumber, "NMI"), Map.of());
        String caseId = topics.await("resettlement.events", e -> "resettlement.prisoner.received".equals(
                e.header("ce_type")) && prisonNumber.equals(e.key()), 1).get(0).data().get("caseId").asString();
        Http resettlement = http(RESETTLEMENT);
        assertThat(resettlement.put("/api/cases/" + caseId + "/responsible-officer", caseworker,
                Map.of("responsibleOfficerCode", "N01JRN")).status()).isEqualTo(200);

        // the plan: accommodation needed
        OfficerToldAtEveryStep.completePlanNeedingAccommodation(resettlement, caseworker, caseId);

        // referred automatically to the housing provider, who accepts and secures settled accommodation
        String referralId = topics.await("referral.events", e -> "referral.referral.sent".equals(e.header("ce_type"))
                && prisonNumber.equals(e.key()), 1).get(0).data().get("referralId").asString();
        String housing = stack.accessToken("provider-in-house-housing");
        Http referral = http(REFERRAL);
        assertThat(referral.post("/api/referrals/" + referralId + "/acceptance", housing, Map.of()).status())
                .isEqualTo(200);
        assertThat(referral.post("/api/referrals/" + referralId + "/start", housing, Map.of()).status())
                .isEqualTo(200);
        assertThat(referral.post("/api/referrals/" + referralId + "/outcome", housing,
                Map.of("outcome", "SETTLED_ACCOMMODATION_SECURED")).status()).isEqualTo(200);
        assertThat(referral.get("/api/referrals/" + referralId, stack.accessToken("provider-ingeus")).status())
                .isEqualTo(404);

        // released with a home to go to
        assertThat(resettlement.post("/api/cases/" + caseId + "/release", caseworker, Map.of(
                "releasedOn", LocalDate.now().toString(), "accommodationOnRelease", "SETTLED",
                "eteOnRelease", "NONE", "metAtGate", false)).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode join = referral.get("/api/releases/" + caseId, admin).body();
            return join.has("accommodation") && join.get("released").asBoolean()
                    && join.get("accommodation").get("secured").asBoolean();
        });
        // the officer, named after the prison feed opened the case, was told of the plan and the release by e-mail
        List<JsonNode> told = notificationsFor("N01JRN", admin, 2);
        assertThat(told).extracting(n -> n.get("template").asString()).contains("resettlement.plan.completed",
                "resettlement.prisoner.released");
        assertThat(mailTo("n01jrn@probation.example", 2)).isNotEmpty();
        // and the outcome is in the metrics ops watch
        await().atMost(Duration.ofSeconds(40)).until(() -> management(REFERRAL).metrics().contains(
                "referral_releases_with_need{application=\"referral-service\",need=\"ACCOMMODATION\",outcome=\"SECURED\",sex=\"MALE\"}"));
        await().atMost(Duration.ofSeconds(40)).until(() -> management(RESETTLEMENT).metrics().contains(
                "resettlement_releases_accommodation{accommodation=\"SETTLED\",application=\"resettlement-service\",prison=\"NMI\",sex=\"MALE\"}"));
    }

    /**
     * Admitted through HMPPS, completed by a caseworker, planned, referred, reviewed, released, recalled and released
     * again, with the responsible officer told at every step in Welsh (issue #11).
     */
    @Test
    void theOfficerIsToldOfEveryStepInWelsh() {
        new OfficerToldAtEveryStep(stack, topics).run();
    }

    @Test
    void oneUnpaidWorkOrderThroughAStandDownToCompletion() {
        String coordinator = stack.accessToken("coordinator");
        Http payback = http(COMMUNITY_PAYBACK);
        String crn = Identifiers.crn();
        String orderId = payback.post("/api/orders", coordinator, Map.of("crn", crn, "sentenceDate",
                LocalDate.now().toString(), "requiredHours", 40, "areaCode", "N53NOT", "sex", "MALE",
                "riskOfSeriousHarm", "LOW", "responsibleOfficerCode", "N53RO1")).field("id");
        assertThat(payback.put("/api/orders/" + orderId + "/assessment", coordinator, Map.of(
                "availableDays", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"),
                "riskOfHarmConsidered", true, "motivationToComply", "MEDIUM", "intensive", false)).status())
                .isEqualTo(200);
        String project = "PRJ-E2E-" + crn;
        assertThat(payback.post("/api/projects", coordinator, Map.of("code", project, "name", "Canal towpath",
                "areaCode", "N53NOT", "type", "GROUP", "ete", false)).status()).isEqualTo(201);
        assertThat(payback.post("/api/orders/" + orderId + "/placement", coordinator, Map.of("projectCode", project))
                .status()).isEqualTo(200);

        // the first session is stood down: no supervisor
        String stoodDown = session(payback, coordinator, project, LocalDate.now().plusDays(1));
        assertThat(payback.post("/api/sessions/" + stoodDown + "/bookings", coordinator, Map.of("orderId", orderId))
                .status()).isEqualTo(201);
        assertThat(payback.post("/api/sessions/" + stoodDown + "/stand-down", coordinator,
                Map.of("reason", "NO_SUPERVISOR")).status()).isEqualTo(200);
        TopicReader.Event sentHome = topics.await("community-payback.events", e -> "community-payback.work.sent-home"
                .equals(e.header("ce_type")) && crn.equals(e.key()), 1).get(0);
        assertThat(sentHome.data().get("reason").asString()).isEqualTo("NO_SUPERVISOR");

        // then five full sessions complete the 40 hours: today's, since attendance is recorded only from a session's
        // day (the service checks dates, not whether one person's sessions overlap)
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/London"));
        for (int n = 1; n <= 5; n++) {
            String session = session(payback, coordinator, project, today);
            assertThat(payback.post("/api/sessions/" + session + "/bookings", coordinator, Map.of("orderId", orderId))
                    .status()).isEqualTo(201);
            assertThat(payback.post("/api/sessions/" + session + "/attendance", coordinator, Map.of("orderId", orderId,
                    "outcome", "ATTENDED_COMPLIED", "minutesCredited", 480)).status()).isEqualTo(201);
        }
        JsonNode completed = topics.await("community-payback.events", e -> "community-payback.order.completed"
                .equals(e.header("ce_type")) && crn.equals(e.key()), 1).get(0).data();
        assertThat(completed.get("withinTwelveMonths").asBoolean()).isTrue();
        JsonNode order = payback.get("/api/orders/" + orderId, coordinator).body();
        assertThat(order.get("creditedMinutes").asInt()).isEqualTo(2400);
        assertThat(order.get("enforceableFailures").asInt()).isZero();
    }

    private static String session(Http payback, String coordinator, String project, LocalDate date) {
        Http.Response created = payback.post("/api/projects/" + project + "/sessions", coordinator, Map.of(
                "date", date.toString(), "startTime", "08:00", "endTime", "16:00", "supervisors", 1,
                "placesPerSupervisor", 5));
        assertThat(created.status()).isEqualTo(201);
        return created.field("id");
    }

    private static String admission(String prisonNumber, String prison) {
        return """
                {"eventType":"prison-offender-events.prisoner.received","version":1,
                 "occurredAt":"%sT08:00:00Z","description":"A prisoner has been received into prison",
                 "personReference":{"identifiers":[{"type":"NOMS","value":"%s"}]},
                 "additionalInformation":{"nomsNumber":"%s","prisonId":"%s","reason":"ADMISSION"}}
                """.formatted(LocalDate.now(), prisonNumber, prisonNumber, prison);
    }


    /**
     * People signed in at the real authorization server (code flow with PKCE, as the web app does) reach only the
     * prisons and areas their tokens name, in every service; the dev clients set the records up.
     */
    @Test
    void peopleSignedInAsThemselvesReachOnlyWhereTheyWork() {
        PersonSignIn signIn = new PersonSignIn(stack.issuerUri(), stack.baseUrl(StackComponent.WEB).toString());
        String nottingham = signIn.signIn("cw-nottingham").accessToken();
        String foston = signIn.signIn("cw-foston").accessToken();
        String ops = signIn.signIn("ops").accessToken();
        Http resettlement = http(RESETTLEMENT);
        String caseworkerClient = stack.accessToken("caseworker");
        String atNottingham = openCase(resettlement, caseworkerClient, "NMI", "MALE");
        String atFoston = openCase(resettlement, caseworkerClient, "FHI", "FEMALE");
        assertThat(resettlement.put("/api/cases/" + atFoston + "/plan", caseworkerClient, Map.of("needs", List.of(),
                "riskOfHarmSummary", "Known to staff at the women's prison")).status()).isEqualTo(200);

        assertThat(resettlement.get("/api/cases/" + atNottingham, nottingham).status()).isEqualTo(200);
        assertThat(resettlement.get("/api/cases/" + atFoston, nottingham).status()).isEqualTo(404);
        assertThat(resettlement.put("/api/cases/" + atFoston + "/plan", nottingham, Map.of("needs", List.of(),
                "riskOfHarmSummary", "overwritten from the wrong prison")).status()).isEqualTo(404);
        assertThat(resettlement.get("/api/cases/" + atFoston, foston).body().at("/plan/riskOfHarmSummary").asString())
                .isEqualTo("Known to staff at the women's prison");
        assertThat(resettlement.get("/api/cases/" + atNottingham, foston).status()).isEqualTo(404);
        assertThat(prisonsIn(resettlement.get("/api/caseload?size=100", nottingham).body())).containsOnly("NMI");
        assertThat(prisonsIn(resettlement.get("/api/caseload?size=100", foston).body())).containsOnly("FHI");
        // the ops viewer reaches every prison but reads no notes
        JsonNode seenByOps = resettlement.get("/api/cases/" + atFoston, ops).body();
        assertThat(seenByOps.at("/plan/riskOfHarmSummary").isMissingNode() || seenByOps.at("/plan/riskOfHarmSummary")
                .isNull()).isTrue();

        String derby = signIn.signIn("pc-derby").accessToken();
        String leicester = signIn.signIn("pc-leicester").accessToken();
        String derbySupervisor = signIn.signIn("sup-derby").accessToken();
        Http payback = http(COMMUNITY_PAYBACK);
        String coordinatorClient = stack.accessToken("coordinator");
        String inDerby = order(payback, coordinatorClient, "N53DER");
        String inLeicester = order(payback, coordinatorClient, "N53LEI");
        assertThat(payback.get("/api/orders/" + inDerby, derby).status()).isEqualTo(200);
        assertThat(payback.get("/api/orders/" + inLeicester, derby).status()).isEqualTo(404);
        assertThat(payback.get("/api/orders/" + inDerby, leicester).status()).isEqualTo(404);
        assertThat(payback.get("/api/orders?size=100", derby).body().get("items").valueStream()
                .map(o -> o.get("areaCode").asString()).distinct().toList()).containsOnly("N53DER");
        String derbyProject = "PRJ-DER-" + inDerby.substring(0, 8);
        String leicesterProject = "PRJ-LEI-" + inLeicester.substring(0, 8);
        assertThat(payback.post("/api/projects", derby, Map.of("code", derbyProject, "name", "Allotments",
                "areaCode", "N53DER", "type", "GROUP", "ete", false)).status()).isEqualTo(201);
        assertThat(payback.post("/api/projects", derby, Map.of("code", leicesterProject, "name", "Park",
                "areaCode", "N53LEI", "type", "GROUP", "ete", false)).status()).isEqualTo(403);
        assertThat(payback.post("/api/projects", leicester, Map.of("code", leicesterProject, "name", "Park",
                "areaCode", "N53LEI", "type", "GROUP", "ete", false)).status()).isEqualTo(201);
        session(payback, derby, derbyProject, LocalDate.now());
        session(payback, leicester, leicesterProject, LocalDate.now());
        // a supervisor sees the sessions of its own area and may not touch orders
        assertThat(payback.get("/api/sessions?size=100", derbySupervisor).body().get("items").valueStream()
                .map(s -> s.get("areaCode").asString()).distinct().toList()).containsOnly("N53DER");
        assertThat(payback.get("/api/orders/" + inDerby, derbySupervisor).status()).isEqualTo(403);

        // referral-service: a caseworker's release-readiness worklist holds only its own prisons' people
        await().atMost(Duration.ofSeconds(30)).until(() -> http(REFERRAL)
                .get("/api/release-readiness?size=100", foston).body().get("total").asInt() > 0);
        assertThat(prisonsIn(http(REFERRAL).get("/api/release-readiness?size=100", foston).body()))
                .containsOnly("FHI");
        assertThat(prisonsIn(http(REFERRAL).get("/api/release-readiness?size=100", nottingham).body()))
                .doesNotContain("FHI");
    }

    private static String openCase(Http resettlement, String token, String prison, String sex) {
        Http.Response opened = resettlement.post("/api/cases", token, Map.of("prisonNumber",
                Identifiers.prisonNumber(), "prisonCode", prison, "receivedOn", LocalDate.now().toString(),
                "expectedReleaseDate", LocalDate.now().plusDays(10).toString(), "sex", sex,
                "riskOfSeriousHarm", "LOW"));
        assertThat(opened.status()).isEqualTo(201);
        return opened.field("id");
    }

    private static String order(Http payback, String token, String area) {
        Http.Response created = payback.post("/api/orders", token, Map.of("crn", Identifiers.crn(), "sentenceDate",
                LocalDate.now().toString(), "requiredHours", 40, "areaCode", area, "sex", "MALE",
                "riskOfSeriousHarm", "LOW"));
        assertThat(created.status()).isEqualTo(201);
        return created.field("id");
    }

    private static List<String> prisonsIn(JsonNode page) {
        return page.get("items").valueStream().map(item -> item.get("prisonCode").asString()).distinct().toList();
    }

    @Test
    void everyServiceIsHealthyAndDeniesWhatATokenDoesNotAllow() {
        for (StackComponent service : List.of(RESETTLEMENT, COMMUNITY_PAYBACK, REFERRAL, NOTIFICATIONS)) {
            assertThat(management(service).get("/actuator/health", null).field("status")).isEqualTo("UP");
            // actuator is on the management port only
            assertThat(http(service).get("/actuator/health", null).status()).isEqualTo(404);
            assertThat(http(service).get("/v3/api-docs", null).status()).isEqualTo(200);
        }
        Map<String, Object> reception = Map.of("prisonNumber", Identifiers.prisonNumber(), "prisonCode", "NMI",
                "receivedOn", LocalDate.now().toString(), "sex", "MALE", "riskOfSeriousHarm", "LOW");
        assertThat(http(RESETTLEMENT).post("/api/cases", null, reception).status()).isEqualTo(401);
        assertThat(http(RESETTLEMENT).post("/api/cases", stack.accessToken("coordinator"), reception).status())
                .isEqualTo(403);
        assertThat(http(COMMUNITY_PAYBACK).post("/api/orders", stack.accessToken("caseworker"), Map.of()).status())
                .isEqualTo(403);
        assertThat(http(NOTIFICATIONS).get("/api/notifications", stack.accessToken("provider-sova")).status())
                .isEqualTo(403);
    }

    private static long endOffset(String topic, int partition) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrapServers()))) {
            TopicPartition tp = new TopicPartition(topic, partition);
            return admin.listOffsets(Map.of(tp, OffsetSpec.latest())).all().get().get(tp).offset();
        }
    }

    /** Waits until the consumer group has committed past {@code offset} on the partition. */
    private static void awaitConsumed(String group, String topic, int partition, long offset) {
        TopicPartition tp = new TopicPartition(topic, partition);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrapServers()))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                        .get().get(tp);
                return committed != null && committed.offset() >= offset;
            });
        }
    }

    private static List<JsonNode> notificationsFor(String recipient, String token, int atLeast) {
        List<List<JsonNode>> found = new java.util.ArrayList<>(List.of(List.of()));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<JsonNode> items = new java.util.ArrayList<>();
            http(NOTIFICATIONS).get("/api/notifications?recipientCode=" + recipient + "&size=200", token).body()
                    .get("items").forEach(items::add);
            found.set(0, items);
            return items.size() >= atLeast;
        });
        return found.get(0);
    }

    /** What the local mail server received for an address, once it holds at least {@code atLeast} messages. */
    private static List<JsonNode> mailTo(String address, int atLeast) {
        Http mailApi = new Http(stack.mailApi().toString());
        List<List<JsonNode>> found = new java.util.ArrayList<>(List.of(List.of()));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<JsonNode> messages = new java.util.ArrayList<>();
            Http.Response response = mailApi.get("/api/user/" + address + "/messages/", null);
            if (response.status() == 200) {
                response.body().forEach(messages::add);
            }
            found.set(0, messages);
            return messages.size() >= atLeast;
        });
        return found.get(0);
    }

    static Http http(RunningStack stack, StackComponent service) {
        return new Http(stack.baseUrl(service).toString().replaceAll("/$", ""));
    }

    /** The service's management (actuator) port: health and prometheus. */
    static Http management(RunningStack stack, StackComponent service) {
        return new Http(stack.managementUrl(service).toString().replaceAll("/$", ""));
    }

    private static Http http(StackComponent service) {
        return http(stack, service);
    }

    private static Http management(StackComponent service) {
        return management(stack, service);
    }

}
