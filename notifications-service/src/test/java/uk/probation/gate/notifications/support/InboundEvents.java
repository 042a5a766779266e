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
