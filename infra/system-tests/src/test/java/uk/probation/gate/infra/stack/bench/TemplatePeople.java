package uk.probation.gate.infra.stack.bench;

import com.mongodb.client.MongoClient;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import tools.jackson.databind.JsonNode;
import uk.probation.gate.infra.stack.RunningStack;
import uk.probation.gate.infra.stack.StackComponent;
import uk.probation.gate.platform.test.Http;

/**
 * Makes the template people through the real APIs and events, then reads back what every service stored about each:
 * someone just received (an open case), someone received, planned, referred for housing, helped and released (a
 * historical case), and someone sentenced to unpaid work (an order).
 */
final class TemplatePeople {

    private static final List<String> DATABASES = List.of("resettlement", "community-payback", "referral", "notifications");
    /** Not about a person, or work queues a copy must not join (a cloned queue entry would be delivered). */
    private static final Set<String> SKIPPED = Set.of("audit_log", "delivery_queue");

    private final RunningStack stack;
    private final ClientTokens tokens;
    private final MongoClient mongo;
    private final ConsumerGroups groups;
    private final List<String> notes = new ArrayList<>();

    TemplatePeople(RunningStack stack, ClientTokens tokens, MongoClient mongo, ConsumerGroups groups) {
        this.stack = stack;
        this.tokens = tokens;
        this.mongo = mongo;
        this.groups = groups;
    }

    List<String> notes() {
        return notes;
    }

    List<Bundle> make() throws Exception {
        Http resettlement = new Http(stack.baseUrl(StackComponent.RESETTLEMENT).toString());
        Http payback = new Http(stack.baseUrl(StackComponent.COMMUNITY_PAYBACK).toString());
        Http referral = new Http(stack.baseUrl(StackComponent.REFERRAL).toString());
        String caseworker = tokens.of("caseworker");

        String openPn = PersonNumbers.prisonNumber('T', 0);
        String openCrn = PersonNumbers.crn('T', 0);
        String openCase = resettlement.post("/api/cases", caseworker, Receptions.of(openPn, openCrn, 0)).field("id");

        String releasedPn = PersonNumbers.prisonNumber('T', 1);
        String releasedCrn = PersonNumbers.crn('T', 1);
        String releasedCase = resettlement.post("/api/cases", caseworker, Receptions.of(releasedPn, releasedCrn, 0))
                .field("id");
        completePlanNeedingAccommodation(resettlement, caseworker, releasedCase);
        helpedWithHousing(referral, releasedPn);
        int released = resettlement.post("/api/cases/" + releasedCase + "/release", caseworker, Map.of("releasedOn",
                LocalDate.now().toString(), "accommodationOnRelease", "SETTLED", "eteOnRelease", "NONE",
                "metAtGate", false)).status();
        if (released != 200) {
            notes.add("template release answered HTTP " + released);
        }

        String orderCrn = PersonNumbers.crn('T', 2);
        Http.Response order = payback.post("/api/orders", tokens.of("coordinator"), Map.of("crn", orderCrn,
                "sentenceDate", LocalDate.now().toString(), "requiredHours", 120, "areaCode", "N53DER", "sex", "MALE",
                "riskOfSeriousHarm", "LOW", "responsibleOfficerCode", "N01RO1"));
        settle();
        return List.of(
                read("open case", openPn, openCrn, "NMI", null, Set.of(openCase)),
                read("released case", releasedPn, releasedCrn, "NMI", null, Set.of(releasedCase)),
                read("unpaid work order", null, orderCrn, null, "N53DER", Set.of(order.field("id"))));
    }

    /** Every consumer group has committed every topic, and the relays and deliveries have had a moment. */
    private void settle() throws Exception {
        for (String topic : List.of("resettlement.events", "referral.events", "community-payback.events")) {
            groups.awaitCaughtUp(topic, 60_000, SystemRun.NOTIFICATIONS_GROUP);
        }
        groups.awaitCaughtUp("resettlement.events", 60_000, SystemRun.REFERRAL_GROUP);
        groups.awaitCaughtUp("referral.events", 60_000, SystemRun.REFERRAL_GROUP);
        Thread.sleep(5_000);
    }

    private Bundle read(String kind, String prisonNumber, String crn, String prisonCode, String areaCode,
            Set<String> ids) {
        Bundle bundle = new Bundle(kind, prisonNumber, crn, prisonCode, areaCode, Bundle.empty(), new HashSet<>(ids));
        for (String database : DATABASES) {
            for (String collection : mongo.getDatabase(database).listCollectionNames()) {
                if (SKIPPED.contains(collection) || collection.startsWith("system.")) {
                    continue;
                }
                for (Document document : mongo.getDatabase(database).getCollection(collection).find()) {
                    String json = document.toJson();
                    boolean about = (prisonNumber != null && json.contains(prisonNumber))
                            || (crn != null && json.contains(crn)) || ids.stream().anyMatch(json::contains);
                    if (about) {
                        bundle.add(database, collection, document);
                        if (document.get("_id") instanceof String id) {
                            bundle.identities().add(id);
                        }
                    }
                }
            }
        }
        return bundle;
    }

    private static void completePlanNeedingAccommodation(Http resettlement, String caseworker, String caseId) {
        List<Map<String, Object>> needs = new ArrayList<>();
        for (String pathway : List.of("ACCOMMODATION", "EDUCATION_SKILLS_AND_WORK", "FINANCE_AND_ID",
                "DRUGS_AND_ALCOHOL", "HEALTH", "CHILDREN_FAMILIES_AND_COMMUNITY", "ATTITUDES_THINKING_AND_BEHAVIOUR")) {
            needs.add(Map.of("pathway", pathway,
                    "status", pathway.equals("ACCOMMODATION") ? "SUPPORT_REQUIRED" : "SUPPORT_NOT_REQUIRED"));
        }
        resettlement.put("/api/cases/" + caseId + "/plan", caseworker,
                Map.of("needs", needs, "riskOfHarmSummary", "Assessed; no concerns for housing staff"));
        resettlement.post("/api/cases/" + caseId + "/plan/completion", caseworker, "");
    }

    /** The housing referral the plan made: accepted, started, settled accommodation secured, closed. */
    private void helpedWithHousing(Http referral, String prisonNumber) throws Exception {
        String housing = tokens.of("provider-in-house-housing");
        String referralId = null;
        for (int attempt = 0; attempt < 150 && referralId == null; attempt++) {
            for (Document r : mongo.getDatabase("referral").getCollection("referrals").find()) {
                if (r.toJson().contains(prisonNumber)) {
                    referralId = String.valueOf(r.get("_id"));
                }
            }
            if (referralId == null) {
                Thread.sleep(200);
            }
        }
        if (referralId == null) {
            notes.add("the template plan made no referral within 30 s");
            return;
        }
        referral.post("/api/referrals/" + referralId + "/acceptance", housing, Map.of());
        referral.post("/api/referrals/" + referralId + "/start", housing, Map.of());
        referral.post("/api/referrals/" + referralId + "/outcome", housing, Map.of("outcome",
                "SETTLED_ACCOMMODATION_SECURED"));
        List<Map<String, Object>> achievements = new ArrayList<>();
        JsonNode desired = referral.get("/api/referrals/" + referralId, housing).body().get("desiredOutcomes");
        if (desired != null) {
            desired.forEach(d -> achievements.add(Map.of("desiredOutcome", d.asString(), "achieved", "ACHIEVED",
                    "note", "Tenancy signed")));
        }
        int closed = referral.post("/api/referrals/" + referralId + "/closure", housing, Map.of("endOfServiceReport",
                Map.of("achievements", achievements, "summary", "Settled before release"))).status();
        if (closed != 200) {
            notes.add("template referral closure answered HTTP " + closed);
        }
    }
}
