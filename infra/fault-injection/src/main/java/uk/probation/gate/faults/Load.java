package uk.probation.gate.faults;

import static uk.probation.gate.infra.stack.StackComponent.COMMUNITY_PAYBACK;
import static uk.probation.gate.infra.stack.StackComponent.NOTIFICATIONS;
import static uk.probation.gate.infra.stack.StackComponent.REFERRAL;
import static uk.probation.gate.infra.stack.StackComponent.RESETTLEMENT;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import uk.probation.gate.infra.stack.StackComponent;

/**
 * The clients: each runs whole chains one after another (a reception through plan, referral answers and release; or
 * an unpaid work order through assessment, placement, booking and attendance) until the round asks them to stop;
 * the chain under way is always finished, so every command has its answer before the round checks.
 */
final class Load {

    static final String PROVIDER = "IN_HOUSE_HOUSING";
    static final String PROVIDER_CLIENT = "provider-in-house-housing";
    private static final List<String> PATHWAYS = List.of("ACCOMMODATION", "EDUCATION_SKILLS_AND_WORK",
            "FINANCE_AND_ID", "DRUGS_AND_ALCOHOL", "HEALTH", "CHILDREN_FAMILIES_AND_COMMUNITY",
            "ATTITUDES_THINKING_AND_BEHAVIOUR");
    private static final List<String> ATTENDANCE = List.of("ATTENDED_COMPLIED", "UNACCEPTABLE_ABSENCE",
            "SENT_HOME_SERVICE_ISSUE");
    static final int MINUTES_CREDITED = 240;

    private final Api api;
    private final int clients;
    private final Duration deadline;
    private final Random[] random;
    private final String tag;
    private final AtomicInteger people = new AtomicInteger();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final ExecutorService pool;
    private final List<Future<?>> running = new ArrayList<>();
    private final List<Chain> chains = new ArrayList<>();
    /** Every session a client created, per project: each accepted one must exist exactly once. */
    final Map<String, Integer> sessionsExpected = new LinkedHashMap<>();
    final Map<String, String> sessionCauses = new LinkedHashMap<>();
    private final String[] sessionThisRound;
    private final LocalDate today = LocalDate.now();
    /** community-payback-service's today: bookings and attendance are only for today's sessions. */
    private final LocalDate workDay = LocalDate.now(ZoneId.of("Europe/London"));
    private int round;

    Load(Api api, int clients, long seed, Duration deadline) {
        this.api = api;
        this.clients = clients;
        this.deadline = deadline;
        this.random = new Random[clients];
        for (int i = 0; i < clients; i++) {
            random[i] = new Random(seed * 31 + i);
        }
        this.tag = "" + (char) ('A' + Math.floorMod(seed, 26)) + (char) ('A' + Math.floorMod(seed / 26, 26));
        this.sessionThisRound = new String[clients];
        this.pool = Executors.newFixedThreadPool(clients, runnable -> {
            Thread thread = new Thread(runnable, "fault-load");
            thread.setDaemon(true);
            return thread;
        });
    }

    static String projectCode(String tag, int client) {
        return "FI" + tag + "C" + client;
    }

    /** Before the first round: a group project per client (a 409 means it is there already). */
    void setUp() {
        for (int c = 0; c < clients; c++) {
            Command project = api.send("project", "POST", COMMUNITY_PAYBACK, c, "/api/projects", "coordinator",
                    Map.of("code", projectCode(tag, c), "name", "Fault suite project " + c, "areaCode", "N53DER",
                            "type", "GROUP", "ete", false), "fi-" + tag + "-project-" + c);
            if (!project.accepted() && project.status() != 409) {
                throw new IllegalStateException("cannot create the project: " + project.describe());
            }
        }
    }

    /** The clients start sending chains for this round. */
    synchronized void start(int round) {
        this.round = round;
        stop.set(false);
        java.util.Arrays.fill(sessionThisRound, null);
        running.clear();
        for (int c = 0; c < clients; c++) {
            int client = c;
            running.add(pool.submit(() -> {
                while (!stop.get()) {
                    runChain(client);
                }
            }));
        }
    }

    /** No new chains; waits until every chain under way has finished. */
    void drain() {
        stop.set(true);
        List<Future<?>> futures;
        synchronized (this) {
            futures = List.copyOf(running);
        }
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (Exception e) {
                throw new IllegalStateException("a client failed", e);
            }
        }
    }

    synchronized List<Chain> chains() {
        return List.copyOf(chains);
    }

    synchronized List<Chain> chainsOf(int round) {
        return chains.stream().filter(chain -> chain.round == round).toList();
    }

    void close() {
        stop.set(true);
        pool.shutdownNow();
    }

    private void runChain(int client) {
        boolean resettlement;
        synchronized (random[client]) {
            resettlement = random[client].nextInt(100) < 60;
        }
        int n = people.incrementAndGet();
        Chain chain = new Chain(resettlement ? Chain.Kind.RESETTLEMENT : Chain.Kind.UNPAID_WORK, round, client,
                prisonNumber(n), crn(n), "FI" + tag + n);
        synchronized (this) {
            chains.add(chain);
        }
        try {
            if (resettlement) {
                resettlement(chain);
            } else {
                unpaidWork(chain);
            }
        } catch (RuntimeException e) {
            chain.stoppedBecause = "client error: " + e;
        }
    }

    /** A prison number unique in this run: A1234BC-shaped, the run's tag in the first and last letters. */
    String prisonNumber(int n) {
        return "" + tag.charAt(0) + (1000 + n % 9000) + (char) ('A' + (n / 9000) % 26) + tag.charAt(1);
    }

    String crn(int n) {
        return tag.charAt(1) + String.valueOf(100000 + n % 900000);
    }

    // --- a reception and what follows ---------------------------------------------------------------------------

    private void resettlement(Chain chain) {
        int c = chain.client;
        String key = "fi-" + chain.prisonNumber;
        if (!step(chain, recipient(chain, chain.officer, "RESPONSIBLE_OFFICER", chain.officerMailbox()))) {
            return;
        }
        Map<String, Object> reception = new LinkedHashMap<>();
        reception.put("prisonNumber", chain.prisonNumber);
        reception.put("crn", chain.crn);
        reception.put("prisonCode", "NMI");
        reception.put("receivedOn", today.toString());
        reception.put("expectedReleaseDate", today.plusDays(60).toString());
        reception.put("sex", "MALE");
        reception.put("riskOfSeriousHarm", "MEDIUM");
        reception.put("responsibleOfficerCode", chain.officer);
        Command received = api.send("reception", "POST", RESETTLEMENT, c, "/api/cases", "caseworker", reception,
                key + "-reception");
        if (!step(chain, received)) {
            return;
        }
        chain.caseId = field(received, "id");
        chain.expect(new Effect("resettlement", "timeline RECEIVED", chain.caseId), 1, received);
        chain.expect(new Effect("referral", "person", chain.prisonNumber), 1, received);
        toldOfficer(chain, "resettlement.prisoner.received", received);

        String casePath = "/api/cases/" + chain.caseId;
        List<Map<String, Object>> needs = new ArrayList<>();
        for (String pathway : PATHWAYS) {
            needs.add(Map.of("pathway", pathway, "status", "ACCOMMODATION".equals(pathway) ? "SUPPORT_REQUIRED"
                    : "SUPPORT_NOT_REQUIRED"));
        }
        if (!step(chain, api.send("plan", "PUT", RESETTLEMENT, c, casePath + "/plan", "caseworker",
                Map.of("needs", needs, "riskOfHarmSummary", "Risk of harm considered (synthetic)"), null))) {
            return;
        }
        Command completed = api.send("plan-completion", "POST", RESETTLEMENT, c, casePath + "/plan/completion",
                "caseworker", Map.of(), key + "-completion");
        if (!step(chain, completed)) {
            return;
        }
        chain.expect(new Effect("resettlement", "timeline PLAN_COMPLETED", chain.caseId), 1, completed);
        chain.expect(new Effect("referral", "referrals ACCOMMODATION", chain.prisonNumber), 1, completed);
        toldOfficer(chain, "resettlement.plan.completed", completed);
        chain.expect(new Effect("notifications", "referral.referral.sent to " + PROVIDER, chain.prisonNumber), 1,
                completed);

        String referralId = awaitReferral(chain);
        if (referralId == null) {
            chain.stoppedBecause = "no SENT accommodation referral within " + deadline.toSeconds() + " s";
            return;
        }
        String referralPath = "/api/referrals/" + referralId;
        boolean accept;
        synchronized (random[c]) {
            accept = random[c].nextInt(100) < 80;
        }
        if (accept) {
            Command accepted = api.send("acceptance", "POST", REFERRAL, c, referralPath + "/acceptance",
                    PROVIDER_CLIENT, Map.of(), key + "-acceptance");
            if (!step(chain, accepted)) {
                return;
            }
            chain.expect(new Effect("referral", "history ACCEPTED", chain.prisonNumber + " ACCOMMODATION"), 1,
                    accepted);
            Command outcome = api.send("outcome", "POST", REFERRAL, c, referralPath + "/outcome", PROVIDER_CLIENT,
                    Map.of("outcome", "SETTLED_ACCOMMODATION_SECURED"), key + "-outcome");
            if (!step(chain, outcome)) {
                return;
            }
            chain.expect(new Effect("referral", "history OUTCOME_RECORDED", chain.prisonNumber + " ACCOMMODATION"),
                    1, outcome);
            toldOfficer(chain, "referral.outcome.recorded", outcome);
        } else {
            Command declined = api.send("decline", "POST", REFERRAL, c, referralPath + "/decline", PROVIDER_CLIENT,
                    Map.of("reason", "NO_CAPACITY"), key + "-decline");
            if (!step(chain, declined)) {
                return;
            }
            chain.expect(new Effect("referral", "history DECLINED", chain.prisonNumber + " ACCOMMODATION"), 1,
                    declined);
            toldOfficer(chain, "referral.referral.declined", declined);
        }
        Command released = api.send("release", "POST", RESETTLEMENT, c, casePath + "/release", "caseworker",
                Map.of("releasedOn", today.toString(), "accommodationOnRelease", "SETTLED", "eteOnRelease",
                        "EMPLOYMENT", "metAtGate", false), key + "-release");
        if (!step(chain, released)) {
            return;
        }
        chain.expect(new Effect("resettlement", "timeline RELEASED", chain.caseId), 1, released);
        toldOfficer(chain, "resettlement.prisoner.released", released);
    }

    /** The referral the completed plan caused, once routed (SENT): how a provider finds it in its inbox. */
    private String awaitReferral(Chain chain) {
        Instant giveUpAt = Instant.now().plus(deadline);
        while (Instant.now().isBefore(giveUpAt)) {
            Api.Answer found = api.read(REFERRAL, "/api/referrals?prisonNumber=" + chain.prisonNumber
                    + "&need=ACCOMMODATION&size=20", "admin");
            if (found.ok() && found.body() != null && found.body().has("items")) {
                for (JsonNode referral : found.body().get("items")) {
                    if ("SENT".equals(referral.path("status").asString())) {
                        return referral.get("id").asString();
                    }
                }
            }
            Api.sleep(250);
        }
        return null;
    }

    // --- an unpaid work order and what follows ------------------------------------------------------------------

    private void unpaidWork(Chain chain) {
        int c = chain.client;
        String key = "fi-" + chain.crn;
        if (!step(chain, recipient(chain, chain.officer, "RESPONSIBLE_OFFICER", chain.officerMailbox()))
                || !step(chain, recipient(chain, chain.crn, "PERSON", chain.personMailbox()))) {
            return;
        }
        String session = session(chain);
        if (session == null) {
            return;
        }
        chain.sessionId = session;
        Command ordered = api.send("order", "POST", COMMUNITY_PAYBACK, c, "/api/orders", "coordinator",
                Map.of("crn", chain.crn, "sentenceDate", workDay.toString(), "requiredHours", 40, "areaCode",
                        "N53DER", "sex", "MALE", "riskOfSeriousHarm", "LOW", "responsibleOfficerCode", chain.officer),
                key + "-order");
        if (!step(chain, ordered)) {
            return;
        }
        chain.orderId = field(ordered, "id");
        chain.expect(new Effect("community-payback", "orders", chain.crn), 1, ordered);
        toldOfficer(chain, "community-payback.order.received", ordered);
        String orderPath = "/api/orders/" + chain.orderId;
        if (!step(chain, api.send("assessment", "PUT", COMMUNITY_PAYBACK, c, orderPath + "/assessment",
                "coordinator", Map.of("availableDays", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY",
                        "FRIDAY", "SATURDAY", "SUNDAY"), "riskOfHarmConsidered", true, "motivationToComply", "HIGH",
                        "intensive", false, "healthAndSafetyNotes", "none (synthetic)"), null))) {
            return;
        }
        Command placed = api.send("placement", "POST", COMMUNITY_PAYBACK, c, orderPath + "/placement",
                "coordinator", Map.of("projectCode", projectCode(tag, c)), key + "-placement");
        if (!step(chain, placed)) {
            return;
        }
        chain.expect(new Effect("community-payback", "placement", chain.orderId), 1, placed);
        toldPerson(chain, "community-payback.placement.assigned", placed);
        Command booked = api.send("booking", "POST", COMMUNITY_PAYBACK, c, "/api/sessions/" + session + "/bookings",
                "coordinator", Map.of("orderId", chain.orderId), key + "-booking");
        if (!step(chain, booked)) {
            return;
        }
        chain.expect(new Effect("community-payback", "bookings", session + " " + chain.orderId), 1, booked);
        String outcome;
        synchronized (random[c]) {
            outcome = ATTENDANCE.get(random[c].nextInt(ATTENDANCE.size()));
        }
        int minutes = "ATTENDED_COMPLIED".equals(outcome) ? MINUTES_CREDITED : 0;
        Command attended = api.send("attendance", "POST", COMMUNITY_PAYBACK, c,
                "/api/sessions/" + session + "/attendance", "coordinator",
                Map.of("orderId", chain.orderId, "outcome", outcome, "minutesCredited", minutes),
                key + "-attendance");
        if (!step(chain, attended)) {
            return;
        }
        chain.expect(new Effect("community-payback", "attendances", chain.orderId), 1, attended);
        if (minutes > 0) {
            chain.expectValue(new Effect("community-payback", "minutes credited", chain.orderId), minutes, attended);
        }
        if ("UNACCEPTABLE_ABSENCE".equals(outcome)) {
            toldOfficer(chain, "community-payback.session.attended", attended);
        } else if ("SENT_HOME_SERVICE_ISSUE".equals(outcome)) {
            toldOfficer(chain, "community-payback.work.sent-home", attended);
            toldPerson(chain, "community-payback.work.sent-home", attended);
        }
    }

    /** The client's session for today in this round, created by its first unpaid work chain of the round. */
    private String session(Chain chain) {
        int c = chain.client;
        if (sessionThisRound[c] != null) {
            return sessionThisRound[c];
        }
        String project = projectCode(tag, c);
        Command created = api.send("session", "POST", COMMUNITY_PAYBACK, c, "/api/projects/" + project + "/sessions",
                "coordinator", Map.of("date", workDay.toString(), "startTime", "09:00", "endTime", "17:00",
                        "supervisors", 10, "placesPerSupervisor", 30), "fi-" + tag + "-session-" + round + "-" + c);
        if (!step(chain, created)) {
            return null;
        }
        synchronized (sessionsExpected) {
            sessionsExpected.merge(project, 1, Integer::sum);
            sessionCauses.merge(project, created.method() + " " + created.path() + " [" + created.idempotencyKey()
                    + "]", (a, b) -> a + "; " + b);
        }
        sessionThisRound[c] = field(created, "id");
        return sessionThisRound[c];
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private Command recipient(Chain chain, String code, String kind, String email) {
        return api.send("recipient", "PUT", NOTIFICATIONS, chain.client, "/api/recipients/" + code, "admin",
                Map.of("kind", kind, "email", email, "language", "en"), null);
    }

    private void toldOfficer(Chain chain, String eventType, Command cause) {
        chain.expect(new Effect("notifications", eventType + " to officer", chain.officer), 1, cause);
        chain.expect(new Effect("mail", "messages", chain.officerMailbox()), 1, cause);
    }

    private void toldPerson(Chain chain, String eventType, Command cause) {
        chain.expect(new Effect("notifications", eventType + " to person", chain.crn), 1, cause);
        chain.expect(new Effect("mail", "messages", chain.personMailbox()), 1, cause);
    }

    /** Records the command; false (and the chain stops) unless it was accepted. */
    private static boolean step(Chain chain, Command command) {
        chain.record(command);
        if (!command.accepted()) {
            chain.stoppedBecause = command.kind() + " " + command.result();
            return false;
        }
        return true;
    }

    private static String field(Command command, String name) {
        try {
            JsonNode body = Api.JSON.readTree(command.body());
            return body.get(name).asString();
        } catch (RuntimeException e) {
            throw new IllegalStateException(command.kind() + " answered without " + name + ": " + command.body(), e);
        }
    }

    static StackComponent serviceOf(String name) {
        return switch (name) {
            case "resettlement" -> RESETTLEMENT;
            case "referral" -> REFERRAL;
            case "community-payback" -> COMMUNITY_PAYBACK;
            default -> NOTIFICATIONS;
        };
    }
}
