package uk.probation.gate.simulator;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Drives the running system through its public APIs and the inbound HMPPS topic with a seeded synthetic cohort,
 * prints progress lines and a summary, and writes a JSON record of what it did with the headline figures the
 * dashboards should then show.
 *
 * <pre>java -jar infra/simulator/target/simulator-exec.jar --people=40 --orders=20 --seed=6189</pre>
 */
public final class Simulator {

    private static final List<String> MALE_PATHWAYS = List.of("ACCOMMODATION", "EDUCATION_SKILLS_AND_WORK",
            "FINANCE_AND_ID", "DRUGS_AND_ALCOHOL", "HEALTH", "CHILDREN_FAMILIES_AND_COMMUNITY",
            "ATTITUDES_THINKING_AND_BEHAVIOUR");
    private static final int SESSION_MINUTES = 480;
    private static final int REQUIRED_HOURS = 40;

    private final SimulatorOptions options;
    private final PrintStream out;
    private final Api api;
    private final LocalDate today = LocalDate.now();
    // community-payback-service's today (Europe/London): attendance is recorded only from a session's day
    private final LocalDate workDay = LocalDate.now(java.time.ZoneId.of("Europe/London"));
    private final Map<String, String> sessions = new HashMap<>();

    private Simulator(SimulatorOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.api = new Api(options.authUrl());
    }

    public static void main(String[] args) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(SimulatorOptions.usage());
            return;
        }
        SimulatorOptions options;
        try {
            options = SimulatorOptions.parse(args);
        } catch (SimulatorOptions.InvalidOptionsException e) {
            System.err.println("simulator: nothing was sent, the options are not usable:");
            e.problems().forEach(problem -> System.err.println("  " + problem));
            System.err.println();
            System.err.println(SimulatorOptions.usage());
            System.exit(2);
            return;
        }
        try {
            run(options, System.out);
        } catch (SimulationException e) {
            System.err.println("simulator: stopped: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Runs the cohort against the system; returns (and writes to the record file) what was done. */
    public static JsonNode run(SimulatorOptions options, PrintStream out) {
        options.validated();
        return new Simulator(options, out).simulate();
    }

    private JsonNode simulate() {
        Instant started = Instant.now();
        Cohort cohort = Cohort.draw(options);
        out.printf("simulator: seed %d, %d people (+%d left unscreened, +%d due out without accommodation), %d orders%n",
                options.seed(), options.people(), options.overdueScreenings(), options.releasesDue(), options.orders());
        api.token("caseworker");

        Map<String, String> caseIds = receive(cohort.people());
        plan(cohort.people(), caseIds);
        Map<String, List<String>> referralOutcomes = respondToReferrals(cohort.people());
        release(cohort.people(), caseIds);
        unpaidWork(cohort.orders());

        ObjectNode record = record(cohort, caseIds, referralOutcomes);
        record.put("durationSeconds", Duration.between(started, Instant.now()).toSeconds());
        try {
            Path file = options.recordFile().toAbsolutePath();
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(record));
            out.println("simulator: record written to " + file);
        } catch (java.io.IOException e) {
            throw new SimulationException("cannot write the record " + options.recordFile() + ": " + e.getMessage());
        }
        summary(record);
        return record;
    }

    // --- resettlement -------------------------------------------------------------------------------------------

    private Map<String, String> receive(List<Cohort.Person> people) {
        List<Cohort.Person> viaHmpps = people.stream().filter(Cohort.Person::viaHmpps).toList();
        if (!viaHmpps.isEmpty()) {
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, options.kafkaBootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000),
                    new StringSerializer(), new StringSerializer())) {
                for (Cohort.Person p : viaHmpps) {
                    producer.send(new ProducerRecord<>("prison-offender-events", p.prisonNumber(), hmppsReception(p)))
                            .get();
                }
            } catch (Exception e) {
                throw new SimulationException("cannot send to prison-offender-events at "
                        + options.kafkaBootstrapServers() + ": " + e.getMessage());
            }
            out.printf("  receptions: %d sent on the HMPPS topic%n", viaHmpps.size());
        }
        Map<String, String> caseIds = new LinkedHashMap<>();
        Progress progress = new Progress("receptions", people.size());
        for (Cohort.Person p : people) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("prisonNumber", p.prisonNumber());
            body.put("prisonCode", p.prisonCode());
            body.put("receivedOn", receivedOn(p).toString());
            body.put("expectedReleaseDate", (p.dueSoon() ? today.plusDays(10) : today.plusMonths(3)).toString());
            body.put("sex", p.sex());
            body.put("riskOfSeriousHarm", "MEDIUM");
            Api.Response opened = Api.expect(api.post(options.resettlementUrl() + "/api/cases", "caseworker", body),
                    "POST /api/cases for " + p.prisonNumber(), 200, 201);
            caseIds.put(p.prisonNumber(), opened.field("id"));
            progress.step();
        }
        return caseIds;
    }

    private LocalDate receivedOn(Cohort.Person p) {
        return p.latePlan() ? today.minusDays(21) : today;
    }

    private String hmppsReception(Cohort.Person p) {
        return """
                {"eventType":"prison-offender-events.prisoner.received","version":1,\
                "occurredAt":"%sT08:00:00Z","description":"A prisoner has been received into prison",\
                "personReference":{"identifiers":[{"type":"NOMS","value":"%s"}]},\
                "additionalInformation":{"nomsNumber":"%s","prisonId":"%s","reason":"ADMISSION"}}"""
                .formatted(receivedOn(p), p.prisonNumber(), p.prisonNumber(), p.prisonCode());
    }

    private void plan(List<Cohort.Person> people, Map<String, String> caseIds) {
        List<Cohort.Person> planned = people.stream().filter(p -> p.released() || p.dueSoon()).toList();
        Progress progress = new Progress("plans", planned.size());
        for (Cohort.Person p : planned) {
            String caseUrl = options.resettlementUrl() + "/api/cases/" + caseIds.get(p.prisonNumber());
            List<Map<String, Object>> needs = new ArrayList<>();
            List<String> pathways = new ArrayList<>(MALE_PATHWAYS);
            if ("FEMALE".equals(p.sex())) {
                pathways.add("ABUSE_VICTIM_SUPPORT");
            }
            for (String pathway : pathways) {
                boolean required = "ACCOMMODATION".equals(pathway) ? p.needsAccommodation()
                        : "EDUCATION_SKILLS_AND_WORK".equals(pathway) && p.needsEte();
                needs.add(Map.of("pathway", pathway, "status", required ? "SUPPORT_REQUIRED" : "SUPPORT_NOT_REQUIRED"));
            }
            Api.expect(api.put(caseUrl + "/plan", "caseworker", Map.of("needs", needs, "riskOfHarmSummary",
                    "Risk of harm considered (synthetic)")), "PUT plan for " + p.prisonNumber(), 200);
            Api.expect(api.post(caseUrl + "/plan/completion", "caseworker", Map.of()),
                    "plan completion for " + p.prisonNumber(), 200, 201);
            progress.step();
        }
    }

    /** As each provider: accept or decline the referrals the plans created, then record the outcome. */
    private Map<String, List<String>> respondToReferrals(List<Cohort.Person> people) {
        Map<String, List<String>> outcomes = new LinkedHashMap<>();
        List<Cohort.Person> referred = people.stream().filter(Cohort.Person::released)
                .filter(p -> p.needsAccommodation() || p.needsEte()).toList();
        Progress progress = new Progress("referrals", referred.size());
        for (Cohort.Person p : referred) {
            int expected = (p.needsAccommodation() ? 1 : 0) + (p.needsEte() ? 1 : 0);
            List<JsonNode> referrals = awaitReferrals(p.prisonNumber(), expected);
            List<String> done = new ArrayList<>();
            for (JsonNode referral : referrals) {
                String need = referral.get("need").asString();
                boolean accommodation = "ACCOMMODATION".equals(need);
                String status = referral.get("status").asString();
                if (!"SENT".equals(status)) {
                    done.add(need + ":" + status);
                    continue;
                }
                String provider = Api.providerClient(referral.get("providerCode").asString());
                String url = options.referralUrl() + "/api/referrals/" + referral.get("id").asString();
                if (accommodation ? p.accommodationDeclined() : p.eteDeclined()) {
                    Api.expect(api.post(url + "/decline", provider, Map.of("reason", "NO_CAPACITY")),
                            "decline " + need + " for " + p.prisonNumber(), 200);
                    done.add(need + ":DECLINED");
                    continue;
                }
                Api.expect(api.post(url + "/acceptance", provider, Map.of()),
                        "accept " + need + " for " + p.prisonNumber(), 200);
                String outcome = accommodation ? switch (p.accommodation()) {
                    case "SETTLED" -> "SETTLED_ACCOMMODATION_SECURED";
                    case "TEMPORARY" -> "TEMPORARY_ACCOMMODATION_SECURED";
                    default -> "NOT_SECURED";
                } : switch (p.ete()) {
                    case "EMPLOYMENT" -> "EMPLOYMENT_SECURED";
                    case "EDUCATION_OR_TRAINING" -> "TRAINING_OR_EDUCATION_SECURED";
                    default -> "NOT_SECURED";
                };
                Api.expect(api.post(url + "/outcome", provider, Map.of("outcome", outcome)),
                        "outcome " + need + " for " + p.prisonNumber(), 200);
                done.add(need + ":ACCEPTED:" + outcome);
            }
            outcomes.put(p.prisonNumber(), done);
            progress.step();
        }
        return outcomes;
    }

    private List<JsonNode> awaitReferrals(String prisonNumber, int expected) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            Api.Response found = Api.expect(api.get(options.referralUrl() + "/api/referrals?prisonNumber="
                    + prisonNumber + "&size=50", "admin"), "GET referrals of " + prisonNumber, 200);
            List<JsonNode> items = new ArrayList<>();
            found.body().get("items").forEach(items::add);
            boolean routed = items.stream().allMatch(r -> List.of("SENT", "UNROUTABLE")
                    .contains(r.get("status").asString()));
            if (items.size() >= expected && routed) {
                return items;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new SimulationException("referral-service made " + items.size() + " routed referral(s) for "
                        + prisonNumber + " within 60 s, expected " + expected);
            }
            pause(200);
        }
    }

    private void release(List<Cohort.Person> people, Map<String, String> caseIds) {
        List<Cohort.Person> released = people.stream().filter(Cohort.Person::released).toList();
        Progress progress = new Progress("releases", released.size());
        for (Cohort.Person p : released) {
            Api.expect(api.post(options.resettlementUrl() + "/api/cases/" + caseIds.get(p.prisonNumber()) + "/release",
                    "caseworker", Map.of("releasedOn", today.toString(), "accommodationOnRelease", p.accommodation(),
                            "eteOnRelease", p.ete(), "metAtGate", p.metAtGate())),
                    "release of " + p.prisonNumber(), 200, 201);
            progress.step();
        }
    }

    // --- unpaid work --------------------------------------------------------------------------------------------

    private void unpaidWork(List<Cohort.Order> orders) {
        if (orders.isEmpty()) {
            return;
        }
        String cp = options.communityPaybackUrl();
        for (String area : Cohort.AREAS) {
            project(area, "GROUP");
            project(area, "INDIVIDUAL");
            // a session tomorrow with nobody to supervise it: the sessions-at-risk gauge and its alert show it
            Api.expect(api.post(cp + "/api/projects/" + projectCode(area, "GROUP") + "/sessions", "coordinator",
                    Map.of("date", workDay.plusDays(1).toString(), "startTime", "09:00", "endTime", "17:00",
                            "supervisors", 0, "placesPerSupervisor", 6)), "session at risk in " + area, 200, 201);
        }
        Progress progress = new Progress("orders", orders.size());
        for (Cohort.Order o : orders) {
            // attendance is recorded on or after a session's day and sessions are booked from today, so every session
            // worked here is today's: the sentence date is set back instead (the drawn days to the first session, or
            // past the 12 months for a late completion)
            LocalDate sentence = workDay.minusDays(o.withinTwelveMonths() ? o.firstSessionAfterDays() : 380);
            String orderId = Api.expect(api.post(cp + "/api/orders", "coordinator", Map.of("crn", o.crn(),
                    "sentenceDate", sentence.toString(), "requiredHours", REQUIRED_HOURS, "areaCode", o.areaCode(),
                    "sex", o.sex(), "riskOfSeriousHarm", "LOW")), "order " + o.crn(), 201, 200).field("id");
            String orderUrl = cp + "/api/orders/" + orderId;
            Api.expect(api.put(orderUrl + "/assessment", "coordinator", Map.of("availableDays",
                    List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"),
                    "riskOfHarmConsidered", true, "motivationToComply", o.motivation(),
                    "healthAndSafetyNotes", "none (synthetic)")), "assessment of " + o.crn(), 200);
            String project = projectCode(o.areaCode(), o.projectType());
            Api.expect(api.post(orderUrl + "/placement", "coordinator", Map.of("projectCode", project)),
                    "placement of " + o.crn(), 200, 201);
            // sessions after 12 months need the court's extension to be booked
            if (!o.withinTwelveMonths()) {
                Api.expect(api.post(orderUrl + "/extension", "coordinator", Map.of("completeBy",
                        workDay.plusDays(30).toString())), "extension of " + o.crn(), 200);
            }
            if (!"NONE".equals(o.disruption())) {
                String sessionId = session(project, workDay, "disrupted-" + o.crn());
                book(sessionId, orderId, o.crn());
                if ("SENT_HOME".equals(o.disruption())) {
                    attend(sessionId, orderId, "SENT_HOME_SERVICE_ISSUE", 0, o.crn());
                } else {
                    Api.expect(api.post(cp + "/api/sessions/" + sessionId + "/stand-down", "coordinator",
                            Map.of("reason", o.disruption())), "stand-down for " + o.crn(), 200);
                }
            }
            if (!"NONE".equals(o.absence())) {
                String sessionId = session(project, workDay, "absence-" + o.crn());
                book(sessionId, orderId, o.crn());
                attend(sessionId, orderId, o.absence(), 0, o.crn());
            }
            // several of today's sessions (one day, so within any days-per-week limit)
            for (int n = 0; n * SESSION_MINUTES < REQUIRED_HOURS * 60; n++) {
                // at most 25 orders share a session (capacity 30)
                String sessionId = session(project, workDay, "shared-" + progress.done / 25 + "-" + n);
                book(sessionId, orderId, o.crn());
                attend(sessionId, orderId, "ATTENDED_COMPLIED", SESSION_MINUTES, o.crn());
            }
            progress.step();
        }
    }

    private String projectCode(String area, String type) {
        return "SIM" + options.seed() + "-" + area + "-" + type.charAt(0);
    }

    private void project(String area, String type) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("code", projectCode(area, type), "name",
                ("GROUP".equals(type) ? "Group project " : "Individual placement ") + area, "areaCode", area,
                "type", type, "ete", false));
        if ("INDIVIDUAL".equals(type)) {
            body.put("partner", "Community garden (synthetic)");
        }
        Api.expect(api.post(options.communityPaybackUrl() + "/api/projects", "coordinator", body),
                "project " + body.get("code"), 200, 201, 409);
    }

    private String session(String project, LocalDate date, String purpose) {
        return sessions.computeIfAbsent(project + "|" + date + "|" + purpose, key -> Api.expect(
                api.post(options.communityPaybackUrl() + "/api/projects/" + project + "/sessions", "coordinator",
                        Map.of("date", date.toString(), "startTime", "09:00", "endTime", "17:00", "supervisors", 5,
                                "placesPerSupervisor", 6)), "session " + key, 200, 201).field("id"));
    }

    private void book(String sessionId, String orderId, String crn) {
        Api.expect(api.post(options.communityPaybackUrl() + "/api/sessions/" + sessionId + "/bookings", "coordinator",
                Map.of("orderId", orderId)), "booking for " + crn, 200, 201);
    }

    private void attend(String sessionId, String orderId, String outcome, int minutes, String crn) {
        Api.expect(api.post(options.communityPaybackUrl() + "/api/sessions/" + sessionId + "/attendance",
                "coordinator", Map.of("orderId", orderId, "outcome", outcome, "minutesCredited", minutes)),
                "attendance " + outcome + " for " + crn, 200, 201);
    }

    // --- record and summary -------------------------------------------------------------------------------------

    private ObjectNode record(Cohort cohort, Map<String, String> caseIds, Map<String, List<String>> referrals) {
        ObjectNode record = Api.JSON.createObjectNode();
        record.put("seed", options.seed());
        record.put("date", today.toString());
        Map<String, Object> used = new LinkedHashMap<>();
        used.put("people", options.people());
        used.put("orders", options.orders());
        used.put("homelessShare", options.homelessShare());
        used.put("noWorkShare", options.noWorkShare());
        used.put("sentHomeShare", options.sentHomeShare());
        used.put("positiveCompletionShare", options.positiveCompletionShare());
        used.put("motivationAssessedShare", options.motivationAssessedShare());
        used.put("latePlanShare", options.latePlanShare());
        used.put("declineShare", options.declineShare());
        used.put("hmppsReceptionShare", options.hmppsReceptionShare());
        used.put("overdueScreenings", options.overdueScreenings());
        used.put("releasesDue", options.releasesDue());
        record.set("options", Api.JSON.valueToTree(used));
        ArrayNode people = record.putArray("people");
        for (Cohort.Person p : cohort.people()) {
            ObjectNode node = Api.JSON.valueToTree(p);
            node.put("caseId", caseIds.get(p.prisonNumber()));
            node.set("referrals", Api.JSON.valueToTree(referrals.getOrDefault(p.prisonNumber(), List.of())));
            people.add(node);
        }
        record.set("orders", Api.JSON.valueToTree(cohort.orders()));
        record.set("expected", Api.JSON.valueToTree(Expected.of(cohort)));
        return record;
    }

    private void summary(JsonNode record) {
        JsonNode e = record.get("expected");
        out.println("simulator: summary");
        out.printf("  released %d: %.1f%% homeless (NO_FIXED_ABODE), %.1f%% without work (ETE NONE)%n",
                e.get("released").asInt(), 100 * e.get("homelessShare").asDouble(),
                100 * e.get("noWorkShare").asDouble());
        e.get("homelessShareByPrisonAndSex").properties().forEach(entry -> out.printf("    %-12s %.1f%% homeless%n",
                entry.getKey(), 100 * entry.getValue().asDouble()));
        out.printf("  plans: %d on time, %d late; %d screenings left overdue%n", e.get("plansOnTime").asInt(),
                e.get("plansLate").asInt(), e.get("screeningsOverdue").asInt());
        out.printf("  orders %d: %.1f%% completed within 12 months, %.1f%% with work withdrawn or sent home, "
                        + "%.1f%% with motivation assessed%n", e.get("ordersCompleted").asInt(),
                100 * e.get("positiveCompletionRate").asDouble(), 100 * e.get("sentHomeOrWithdrawnShare").asDouble(),
                100 * e.get("motivationAssessedShare").asDouble());
        out.printf("  took %d s%n", record.get("durationSeconds").asLong());
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SimulationException("interrupted");
        }
    }

    /** Progress lines: at most ten per phase, and always the last. */
    private final class Progress {
        private final String phase;
        private final int total;
        private int done;

        Progress(String phase, int total) {
            this.phase = phase;
            this.total = total;
        }

        void step() {
            done++;
            if (done == total || done % Math.max(1, total / 10) == 0) {
                int width = 20;
                int filled = total == 0 ? width : done * width / total;
                out.printf("  %-10s [%s%s] %d/%d%n", phase, "#".repeat(filled), ".".repeat(width - filled), done,
                        total);
            }
        }
    }

    /** The headline figures the dashboards must show for this cohort (on a fresh system). */
    public record Expected(int released, int homeless, double homelessShare, int withoutWork, double noWorkShare,
            Map<String, Double> homelessShareByPrisonAndSex, Map<String, Double> homelessShareBySex,
            int plansOnTime, int plansLate, int screeningsOverdue, int ordersCompleted, int completedWithin12Months,
            double positiveCompletionRate, int sentHomeOrWithdrawn, double sentHomeOrWithdrawnShare,
            int motivationAssessed, double motivationAssessedShare, int sessionsAtRisk,
            int unacceptableAbsences, int releasesDueWithoutAccommodation) {

        public static Expected of(Cohort cohort) {
            List<Cohort.Person> released = cohort.people().stream().filter(Cohort.Person::released).toList();
            int homeless = (int) released.stream().filter(p -> "NO_FIXED_ABODE".equals(p.accommodation())).count();
            int noWork = (int) released.stream().filter(p -> "NONE".equals(p.ete())).count();
            Map<String, Double> byPrisonAndSex = share(released, p -> p.prisonCode() + "/" + p.sex());
            Map<String, Double> bySex = share(released, Cohort.Person::sex);
            int late = (int) released.stream().filter(Cohort.Person::latePlan).count();
            List<Cohort.Order> orders = cohort.orders();
            int within = (int) orders.stream().filter(Cohort.Order::withinTwelveMonths).count();
            int disrupted = (int) orders.stream().filter(o -> !"NONE".equals(o.disruption())).count();
            int motivated = (int) orders.stream().filter(o -> !"NOT_ASSESSED".equals(o.motivation())).count();
            return new Expected(released.size(), homeless, ratio(homeless, released.size()), noWork,
                    ratio(noWork, released.size()), byPrisonAndSex, bySex,
                    released.size() - late + (int) cohort.people().stream().filter(Cohort.Person::dueSoon).count(),
                    late, (int) cohort.people().stream().filter(p -> !p.released() && !p.dueSoon()).count(),
                    orders.size(), within, ratio(within, orders.size()),
                    disrupted, ratio(disrupted, orders.size()), motivated, ratio(motivated, orders.size()),
                    orders.isEmpty() ? 0 : Cohort.AREAS.size(),
                    (int) orders.stream().filter(o -> "UNACCEPTABLE_ABSENCE".equals(o.absence())).count(),
                    (int) cohort.people().stream().filter(Cohort.Person::dueSoon).count());
        }

        private static Map<String, Double> share(List<Cohort.Person> released,
                java.util.function.Function<Cohort.Person, String> key) {
            Map<String, int[]> counts = new TreeMap<>();
            for (Cohort.Person p : released) {
                int[] c = counts.computeIfAbsent(key.apply(p), k -> new int[2]);
                c[1]++;
                if ("NO_FIXED_ABODE".equals(p.accommodation())) {
                    c[0]++;
                }
            }
            Map<String, Double> shares = new TreeMap<>();
            counts.forEach((k, c) -> shares.put(k, ratio(c[0], c[1])));
            return shares;
        }

        private static double ratio(int part, int whole) {
            return whole == 0 ? 0 : (double) part / whole;
        }
    }
}
