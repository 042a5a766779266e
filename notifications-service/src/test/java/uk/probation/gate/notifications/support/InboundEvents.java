package uk.probation.gate.notifications.support;

import java.util.Map;
import uk.probation.gate.platform.test.Identifiers;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import uk.probation.gate.contracts.EventType;

/** CloudEvents records as the producing services write them (binary mode: ce_* headers, JSON value). */
public final class InboundEvents {

    private InboundEvents() {
    }

    public static Map<String, String> headers(String type, String id, String subject) {
        String source = "/" + type.substring(0, type.indexOf('.')) + "-service";
        String dataschema = EventType.fromType(type).map(EventType::dataschema)
                .orElse("/schemas/" + type + "/v1.json");
        return Map.of("ce_id", id, "ce_type", type, "ce_source", source, "ce_specversion", "1.0",
                "ce_subject", subject, "ce_time", "2026-11-20T09:00:00Z", "ce_dataschema", dataschema,
                "content-type", "application/json");
    }

    public static String received(String prisonNumber, String officer) {
        return received(prisonNumber, officer, "NMI");
    }

    public static String received(String prisonNumber, String officer, String prisonCode) {
        return """
                {"caseId":"%s","prisonNumber":"%s","prisonCode":"%s","receivedOn":"2026-11-20","sex":"FEMALE",
                 "riskOfSeriousHarm":"MEDIUM",%s"screeningDueBy":"2026-11-27","expectedReleaseDate":"2027-03-01"}
                """.formatted(UUID.randomUUID(), prisonNumber, prisonCode, officer == null ? ""
                : "\"responsibleOfficerCode\":\"" + officer + "\",");
    }

    public static String planCompleted(String prisonNumber, String officer) {
        return """
                {"caseId":"%s","prisonNumber":"%s","prisonCode":"LCI","sex":"MALE","riskOfSeriousHarm":"LOW",
                 "responsibleOfficerCode":"%s","planVersion":1,"completedOn":"2026-11-24","completedOnTime":false,
                 "needs":[{"pathway":"ACCOMMODATION","status":"SUPPORT_REQUIRED"},
                          {"pathway":"EDUCATION_SKILLS_AND_WORK","status":"SUPPORT_DECLINED"}]}
                """.formatted(UUID.randomUUID(), prisonNumber, officer);
    }

    public static String released(String prisonNumber, String officer, boolean metAtGate) {
        return """
                {"caseId":"%s","prisonNumber":"%s","prisonCode":"NMI","sex":"FEMALE","responsibleOfficerCode":"%s",
                 "releasedOn":"2026-11-25","accommodationOnRelease":"NO_FIXED_ABODE","eteOnRelease":"NONE",
                 "metAtGate":%s,"outcomeRecorded":true,"reason":"RELEASED"}
                """.formatted(UUID.randomUUID(), prisonNumber, officer, metAtGate);
    }

    public static String sentHome(String crn, String officer, String reason) {
        return sentHome(crn, officer, reason, "N53NOT");
    }

    public static String sentHome(String crn, String officer, String reason, String areaCode) {
        return """
                {"orderId":"%s","crn":"%s","sessionId":"S-1","projectCode":"PARKS-1","areaCode":"%s",
                 "sessionDate":"2026-11-28","reason":"%s","responsibleOfficerCode":"%s"}
                """.formatted(UUID.randomUUID(), crn, areaCode, reason, officer);
    }

    public static String attended(String crn, String officer, String outcome) {
        return """
                {"orderId":"%s","crn":"%s","sessionId":"S-2","projectCode":"PARKS-1","areaCode":"N53NOT",
                 "sessionDate":"2026-11-28","outcome":"%s","minutesCredited":120,"creditedMinutes":600,
                 "remainingMinutes":2400,"responsibleOfficerCode":"%s"}
                """.formatted(UUID.randomUUID(), crn, outcome, officer);
    }

    public static String placementAssigned(String crn, String officer) {
        return """
                {"orderId":"%s","crn":"%s","areaCode":"N53DER","projectCode":"GARDENS-2","projectType":"GROUP",
                 "ete":false,"assignedOn":"2026-11-26","responsibleOfficerCode":"%s"}
                """.formatted(UUID.randomUUID(), crn, officer);
    }

    public static String referralSent(String prisonNumber, String providerCode) {
        return """
                {"referralId":"%s","personReference":{"prisonNumber":"%s"},"need":"EDUCATION_SKILLS_AND_WORK",
                 "providerCode":"%s","respondBy":"2026-12-03","source":"PLAN","prisonCode":"NMI","sex":"MALE"}
                """.formatted(UUID.randomUUID(), prisonNumber, providerCode);
    }

    public static String receivedOnRecall(String prisonNumber, String officer) {
        return """
                {"caseId":"%s","prisonNumber":"%s","crn":"X654321","prisonCode":"LCI","receivedOn":"2026-11-20",
                 "sex":"MALE","riskOfSeriousHarm":"HIGH","responsibleOfficerCode":"%s","screeningDueBy":"2026-11-27",
                 "recall":true}
                """.formatted(UUID.randomUUID(), prisonNumber, officer);
    }

    public static String transferred(String prisonNumber, String officer, String toPrisonCode) {
        return """
                {"caseId":"%s","prisonNumber":"%s","crn":"X654321","fromPrisonCode":"RNI","toPrisonCode":"%s",
                 "transferredOn":"2026-11-26","responsibleOfficerCode":"%s"}
                """.formatted(UUID.randomUUID(), prisonNumber, toPrisonCode, officer);
    }

    /** {@code changedFields} as JSON strings, e.g. "responsibleOfficerCode". */
    public static String caseUpdated(String prisonNumber, String officer, boolean recall, String... changedFields) {
        return """
                {"caseId":"%s","prisonNumber":"%s","crn":"X654321","prisonCode":"NMI","sex":"MALE",
                 "receivedOn":"2026-11-20","expectedReleaseDate":"2027-06-30","riskOfSeriousHarm":"VERY_HIGH",
                 "responsibleOfficerCode":"%s","recall":%s,"preReleaseReviewDueBy":"2027-05-05",
                 "changedFields":[%s]}
                """.formatted(UUID.randomUUID(), prisonNumber, officer, recall, String.join(",",
                java.util.Arrays.stream(changedFields).map(f -> "\"" + f + "\"").toList()));
    }

    public static String superseded(String prisonNumber, String officer, String newCaseId) {
        return """
                {"caseId":"%s","prisonNumber":"%s","crn":"X654321","prisonCode":"SKI","responsibleOfficerCode":"%s",
                 "supersededByCaseId":"%s","closedOn":"2026-11-26"}
                """.formatted(UUID.randomUUID(), prisonNumber, officer, newCaseId);
    }

    public static String reviewCompleted(String prisonNumber, String officer, boolean onTime) {
        return """
                {"caseId":"%s","prisonNumber":"%s","crn":"X654321","prisonCode":"FHI","sex":"FEMALE",
                 "responsibleOfficerCode":"%s","expectedReleaseDate":"2027-03-01","dueBy":"2027-01-04",
                 "completedOn":"2027-01-08","completedOnTime":%s,"questionsVersion":1}
                """.formatted(UUID.randomUUID(), prisonNumber, officer, onTime);
    }

    public static String orderReceived(String crn, String officer) {
        return """
                {"orderId":"%s","crn":"%s","sentenceDate":"2026-11-02","requiredMinutes":7200,
                 "eteMinutesAllowed":2160,"completeBy":"2027-11-02","areaCode":"N53LEI","sex":"MALE",
                 "riskOfSeriousHarm":"LOW","responsibleOfficerCode":"%s"}
                """.formatted(UUID.randomUUID(), crn, officer);
    }

    public static String orderCompleted(String crn, String officer) {
        return """
                {"orderId":"%s","crn":"%s","areaCode":"N53RUT","sex":"FEMALE","sentenceDate":"2026-01-05",
                 "completedOn":"2026-11-20","requiredMinutes":4800,"creditedMinutes":4800,"withinTwelveMonths":true,
                 "responsibleOfficerCode":"%s"}
                """.formatted(UUID.randomUUID(), crn, officer);
    }

    public static String referralDeclined(String prisonNumber, String officer, String reason, boolean unroutable) {
        return """
                {"referralId":"%s","personReference":{"prisonNumber":"%s","crn":"X654321"},"need":"ACCOMMODATION",
                 "providerCode":"IN_HOUSE_HOUSING","reason":"%s","unroutable":%s,"caseId":"c-1","prisonCode":"NMI",
                 "sex":"MALE","responsibleOfficerCode":"%s"}
                """.formatted(UUID.randomUUID(), prisonNumber, reason, unroutable, officer);
    }

    public static String referralClosed(String prisonNumber, String officer, String reason, String outcome,
            Boolean endOfServiceReport) {
        return """
                {"referralId":"%s","personReference":{"prisonNumber":"%s"},"need":"DRUGS_AND_ALCOHOL",
                 "providerCode":"CHANGE_GROW_LIVE","reason":"%s",%s"caseId":"c-1","prisonCode":"NMI","sex":"MALE",
                 %s"responsibleOfficerCode":"%s"}
                """.formatted(UUID.randomUUID(), prisonNumber, reason,
                outcome == null ? "" : "\"outcome\":\"" + outcome + "\",",
                endOfServiceReport == null ? "" : "\"endOfServiceReport\":" + endOfServiceReport + ",", officer);
    }

    public static String outcomeRecorded(String prisonNumber, String officer, String need, String outcome) {
        return """
                {"referralId":"%s","personReference":{"prisonNumber":"%s"},"need":"%s",
                 "providerCode":"INGEUS","outcome":"%s","caseId":"c-1","prisonCode":"NMI","sex":"MALE",
                 "responsibleOfficerCode":"%s"}
                """.formatted(UUID.randomUUID(), prisonNumber, need, outcome, officer);
    }

    public static String escalated(String prisonNumber, String officer, String stage) {
        return """
                {"referralId":"%s","personReference":{"prisonNumber":"%s"},"need":"FINANCE_AND_ID",
                 "providerCode":"ST_GILES_TRUST","stage":"%s","dueBy":"2026-12-10","caseId":"c-1",
                 "prisonCode":"NMI","sex":"MALE","responsibleOfficerCode":"%s"}
                """.formatted(UUID.randomUUID(), prisonNumber, stage, officer);
    }

    public static String officerCode() {
        return "N01RO" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
    }

    public static String providerCode() {
        return "PROV" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
    }

    public static String crn() {
        return Identifiers.crn();
    }

    public static String prisonNumber() {
        return Identifiers.prisonNumber();
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }
}
