package uk.probation.gate.infra.stack;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static uk.probation.gate.infra.stack.StackComponent.NOTIFICATIONS;
import static uk.probation.gate.infra.stack.StackComponent.REFERRAL;
import static uk.probation.gate.infra.stack.StackComponent.RESETTLEMENT;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import uk.probation.gate.platform.test.Http;
import uk.probation.gate.platform.test.Identifiers;
import uk.probation.gate.platform.test.TopicReader;

/**
 * One person the whole way, as issue #11 asks: admitted through the HMPPS prison feed with nothing but a prison
 * number, completed by a caseworker, planned, referred (the provider works the referral to an outcome and an
 * end-of-service report), reviewed before release, released, recalled through the feed, and released again — with
 * their responsible officer, whose language is Welsh, told at every step by e-mail in Welsh and in plain words.
 */
final class OfficerToldAtEveryStep {

    /** An UPPER_SNAKE code such as NO_FIXED_ABODE: never shown to a reader. */
    private static final Pattern CODE = Pattern.compile("\\b[A-Z]{2,}(_[A-Z]+)+\\b");

    private final RunningStack stack;
    private final TopicReader topics;

    OfficerToldAtEveryStep(RunningStack stack, TopicReader topics) {
        this.stack = stack;
        this.topics = topics;
    }

    void run() {
        String prisonNumber = Identifiers.prisonNumber();
        String crn = Identifiers.crn();
        String officer = "N01CY" + ThreadLocalRandom.current().nextInt(10_000, 99_999);
        String mailbox = officer.toLowerCase() + "@probation.example";
        String admin = stack.accessToken("admin");
        String caseworker = stack.accessToken("caseworker");
        assertThat(http(NOTIFICATIONS).put("/api/recipients/" + officer, admin, Map.of("kind", "RESPONSIBLE_OFFICER",
                "email", mailbox, "language", "cy")).status()).isEqualTo(200);
        Http resettlement = http(RESETTLEMENT);
        Http referral = http(REFERRAL);
        LocalDate today = LocalDate.now();

        // 1. admitted through the prison feed: a case with nothing but the prison number and the prison
        topics.send("prison-offender-events", prisonNumber, admission(prisonNumber, today.minusDays(40), null),
                Map.of());
        String caseId = awaitEvent("resettlement.events", "resettlement.prisoner.received", prisonNumber, 1)
                .get(0).data().get("caseId").asString();
        JsonNode opened = resettlement.get("/api/cases/" + caseId, caseworker).body();
        assertThat(text(opened, "expectedReleaseDate")).isNull();
        assertThat(text(opened, "responsibleOfficerCode")).isNull();

        // 2. completed by a caseworker: CRN, release date, risk and officer; the officer hears of it
        Http.Response completed = resettlement.put("/api/cases/" + caseId + "/details", caseworker, Map.of(
                "crn", crn, "expectedReleaseDate", today.plusDays(10).toString(), "sex", "MALE",
                "riskOfSeriousHarm", "MEDIUM", "responsibleOfficerCode", officer, "recall", false));
        assertThat(completed.status()).as(String.valueOf(completed.body())).isEqualTo(200);
        assertThat(completed.field("expectedReleaseDate")).isEqualTo(today.plusDays(10).toString());
        awaitEvent("resettlement.events", "resettlement.case.updated", prisonNumber, 1);
        // ...and reaches referral-service: its copy of the person, and the worklist of people due out within 14 days
        // whose accommodation nobody has accepted, which needs the release date
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode person = referral.get("/api/people/" + prisonNumber, admin).body();
            return person != null && officer.equals(text(person, "responsibleOfficerCode"))
                    && "MEDIUM".equals(text(person, "riskOfSeriousHarm"));
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> referral
                .get("/api/release-readiness?prisonCode=NMI&size=200", admin).body().toString().contains(prisonNumber));
        int told = awaitToldInWelsh(officer, mailbox, admin, 1);

        // 3. planned: accommodation needed; the plan event now carries the risk
        completePlanNeedingAccommodation(resettlement, caseworker, caseId);
        JsonNode plan = awaitEvent("resettlement.events", "resettlement.plan.completed", prisonNumber, 1).get(0).data();
        assertThat(plan.get("riskOfSeriousHarm").asString()).isEqualTo("MEDIUM");
        assertThat(plan.get("responsibleOfficerCode").asString()).isEqualTo(officer);
        told = awaitToldInWelsh(officer, mailbox, admin, told + 1);

        // 4. referred to the housing provider, who accepts, starts, records the outcome and closes with a report
        String referralId = awaitEvent("referral.events", "referral.referral.sent", prisonNumber, 1).get(0).data()
                .get("referralId").asString();
        String housing = stack.accessToken("provider-in-house-housing");
        assertThat(referral.post("/api/referrals/" + referralId + "/acceptance", housing, Map.of()).status())
                .isEqualTo(200);
        assertThat(referral.post("/api/referrals/" + referralId + "/start", housing, Map.of()).status())
                .isEqualTo(200);
        assertThat(referral.post("/api/referrals/" + referralId + "/outcome", housing,
                Map.of("outcome", "SETTLED_ACCOMMODATION_SECURED")).status()).isEqualTo(200);
        told = awaitToldInWelsh(officer, mailbox, admin, told + 1);
        List<Map<String, Object>> achievements = new ArrayList<>();
        referral.get("/api/referrals/" + referralId, housing).body().get("desiredOutcomes")
                .forEach(d -> achievements.add(Map.of("desiredOutcome", d.asString(), "achieved", "ACHIEVED",
                        "note", "Tenancy signed")));
        Http.Response closed = referral.post("/api/referrals/" + referralId + "/closure", housing, Map.of(
                "endOfServiceReport", Map.of("achievements", achievements, "summary", "Settled before release")));
        assertThat(closed.status()).as(String.valueOf(closed.body())).isEqualTo(200);
        assertThat(referral.get("/api/referrals/" + referralId + "/end-of-service-report", caseworker).status())
                .isEqualTo(200);
        told = awaitToldInWelsh(officer, mailbox, admin, told + 1);

        // 5. the pre-release review, answering the current questions
        JsonNode questions = resettlement.get("/api/screening-questions/PRE_RELEASE", caseworker).body();
        Http.Response reviewed = resettlement.post("/api/cases/" + caseId + "/pre-release-review", caseworker,
                Map.of("questionsVersion", questions.get("version").asInt(), "answers", answers(questions)));
        assertThat(reviewed.status()).as(String.valueOf(reviewed.body())).isEqualTo(200);
        assertThat(reviewed.body().at("/preReleaseReview/status").asString()).isEqualTo("COMPLETED");
        told = awaitToldInWelsh(officer, mailbox, admin, told + 1);

        // 6. released with a home to go to
        assertThat(resettlement.post("/api/cases/" + caseId + "/release", caseworker, Map.of(
                "releasedOn", today.minusDays(20).toString(), "accommodationOnRelease", "SETTLED",
                "eteOnRelease", "NONE", "metAtGate", false)).status()).isEqualTo(200);
        told = awaitToldInWelsh(officer, mailbox, admin, told + 1);

        // 7. recalled: the feed admits them again with a recall movement reason and no CRN or officer; the new
        // case is flagged and carries the officer over, and the officer hears of the recall
        topics.send("prison-offender-events", prisonNumber, admission(prisonNumber, today, "L"), Map.of());
        JsonNode recalled = awaitEvent("resettlement.events", "resettlement.prisoner.received", prisonNumber, 2)
                .get(1).data();
        assertThat(recalled.get("recall").asBoolean()).isTrue();
        assertThat(recalled.get("responsibleOfficerCode").asString()).isEqualTo(officer);
        String recallCase = recalled.get("caseId").asString();
        assertThat(recallCase).isNotEqualTo(caseId);
        assertThat(resettlement.get("/api/cases/" + recallCase, caseworker).body().get("recall").asBoolean()).isTrue();
        told = awaitToldInWelsh(officer, mailbox, admin, told + 1);

        // 8. released again, from the prison feed this time
        topics.send("prison-offender-events", prisonNumber, release(prisonNumber, today), Map.of());
        awaitEvent("resettlement.events", "resettlement.prisoner.released", prisonNumber, 2);
        told = awaitToldInWelsh(officer, mailbox, admin, told + 1);

        List<String> templates = notifications(officer, admin).stream().map(n -> n.get("template").asString())
                .toList();
        assertThat(templates).as("the officer was told of each step").hasSize(told);
        for (String step : List.of("resettlement.case.updated", "resettlement.plan.completed",
                "referral.outcome.recorded", "referral.referral.closed", "resettlement.review.completed",
                "resettlement.prisoner.released", "resettlement.prisoner.received")) {
            assertThat(templates).as(step).anyMatch(t -> t.startsWith(step));
        }
    }

    /** Writes and completes a man's plan where only accommodation needs support. */
    static void completePlanNeedingAccommodation(Http resettlement, String caseworker, String caseId) {
        List<Map<String, Object>> needs = new ArrayList<>();
        for (String pathway : List.of("ACCOMMODATION", "EDUCATION_SKILLS_AND_WORK", "FINANCE_AND_ID",
                "DRUGS_AND_ALCOHOL", "HEALTH", "CHILDREN_FAMILIES_AND_COMMUNITY", "ATTITUDES_THINKING_AND_BEHAVIOUR")) {
            needs.add(Map.of("pathway", pathway,
                    "status", pathway.equals("ACCOMMODATION") ? "SUPPORT_REQUIRED" : "SUPPORT_NOT_REQUIRED"));
        }
        assertThat(resettlement.put("/api/cases/" + caseId + "/plan", caseworker,
                Map.of("needs", needs, "riskOfHarmSummary", "Assessed; no concerns for housing staff")).status())
                .isEqualTo(200);
        assertThat(resettlement.post("/api/cases/" + caseId + "/plan/completion", caseworker, "").status())
                .isEqualTo(200);
    }

    /** Waits for at least {@code atLeast} notifications and e-mails to the officer, all in Welsh, no codes shown. */
    private int awaitToldInWelsh(String officer, String mailbox, String token, int atLeast) {
        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(500))
                .until(() -> notifications(officer, token).size() >= atLeast && mailTo(mailbox).size() >= atLeast);
        List<JsonNode> logged = notifications(officer, token);
        assertThat(logged).allSatisfy(n -> assertThat(n.get("language").asString()).isEqualTo("cy"));
        for (JsonNode message : mailTo(mailbox)) {
            String text = readable(message);
            assertThat(CODE.matcher(text).find()).as("a code shown to the officer in: " + text).isFalse();
        }
        return logged.size();
    }

    private List<TopicReader.Event> awaitEvent(String topic, String type, String key, int atLeast) {
        return topics.await(topic, e -> type.equals(e.header("ce_type")) && key.equals(e.key()), atLeast);
    }

    private List<JsonNode> notifications(String recipient, String token) {
        List<JsonNode> items = new ArrayList<>();
        JsonNode page = http(NOTIFICATIONS).get("/api/notifications?recipientCode=" + recipient + "&size=200", token)
                .body();
        if (page != null && page.has("items")) {
            page.get("items").forEach(items::add);
        }
        return items;
    }

    private List<JsonNode> mailTo(String address) {
        List<JsonNode> messages = new ArrayList<>();
        Http.Response response = new Http(stack.mailApi().toString()).get("/api/user/" + address + "/messages/", null);
        if (response.status() == 200 && response.body() != null) {
            response.body().forEach(messages::add);
        }
        return messages;
    }

    /** The subject and the body of an e-mail as its reader sees them (quoted-printable decoded). */
    private static String readable(JsonNode message) {
        String mime = text(message, "mimeMessage");
        String body = mime == null ? "" : mime.substring(Math.max(0, mime.indexOf("\r\n\r\n")));
        return text(message, "subject") + "\n" + decodeQuotedPrintable(body);
    }

    private static String decodeQuotedPrintable(String text) {
        String joined = text.replace("=\r\n", "").replace("=\n", "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (c == '=' && i + 2 < joined.length() && isHex(joined.charAt(i + 1)) && isHex(joined.charAt(i + 2))) {
                out.write(Integer.parseInt(joined.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] bytes = String.valueOf(c).getBytes(UTF_8);
                out.write(bytes, 0, bytes.length);
            }
        }
        return out.toString(UTF_8);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    private static List<Map<String, Object>> answers(JsonNode questions) {
        List<Map<String, Object>> answers = new ArrayList<>();
        questions.get("questions").forEach(q -> {
            String type = q.get("answerType").asString();
            String answer = switch (type) {
                case "YES_NO" -> "YES";
                case "CHOICE" -> q.get("options").get(0).asString();
                default -> "Talked it through with the housing officer";
            };
            answers.add(Map.of("questionId", q.get("id").asString(), "answer", answer));
        });
        return answers;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static String admission(String prisonNumber, LocalDate on, String movementReason) {
        String reason = movementReason == null ? "" : ",\"nomisMovementReasonCode\":\"" + movementReason + "\"";
        return """
                {"eventType":"prison-offender-events.prisoner.received","version":1,
                 "occurredAt":"%sT08:00:00Z","description":"A prisoner has been received into prison",
                 "personReference":{"identifiers":[{"type":"NOMS","value":"%s"}]},
                 "additionalInformation":{"nomsNumber":"%s","prisonId":"NMI","reason":"ADMISSION"%s}}
                """.formatted(on, prisonNumber, prisonNumber, reason);
    }

    private static String release(String prisonNumber, LocalDate on) {
        return """
                {"eventType":"prison-offender-events.prisoner.released","version":1,
                 "occurredAt":"%sT10:00:00Z","description":"A prisoner has been released from prison",
                 "personReference":{"identifiers":[{"type":"NOMS","value":"%s"}]},
                 "additionalInformation":{"nomsNumber":"%s","prisonId":"NMI","reason":"RELEASED"}}
                """.formatted(on, prisonNumber, prisonNumber);
    }

    private Http http(StackComponent service) {
        return new Http(stack.baseUrl(service).toString().replaceAll("/$", ""));
    }
}
