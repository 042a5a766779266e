package uk.probation.gate.resettlement.caseload;

import java.util.List;
import java.util.Map;

/** Timeline entries in words, built from the codes only (the timeline endpoint and the subject access report). */
public final class TimelineSummaries {

    private TimelineSummaries() {
    }

    private static List<String> changedFields(Map<String, Object> d) {
        return d.get("changedFields") instanceof List<?> fields ? fields.stream().map(String::valueOf).toList()
                : List.of();
    }

    /** A line a person reads, built from the codes only: no note or summary a caseworker wrote. */
    public static String summary(ResettlementCase.HistoryEntry e) {
        Map<String, Object> d = e.details();
        return switch (e.type()) {
            case RECEIVED -> "Received at " + d.get("prisonCode") + " on " + d.get("receivedOn");
            case PLAN_SAVED -> "Plan saved (version " + d.get("version") + ")";
            case PLAN_COMPLETED -> "Plan version " + d.get("planVersion") + " completed "
                    + (Boolean.TRUE.equals(d.get("completedOnTime")) ? "on time" : "late");
            case RESPONSIBLE_OFFICER_CHANGED -> "Responsible officer set to " + d.get("responsibleOfficerCode");
            case RELEASED -> Boolean.TRUE.equals(d.get("outcomeRecorded"))
                    ? "Released on " + d.get("releasedOn") + ": accommodation " + d.get("accommodationOnRelease")
                            + ", work " + d.get("eteOnRelease")
                            + (Boolean.TRUE.equals(d.get("metAtGate")) ? ", met at the gate" : ", not met at the gate")
                    : "Released on " + d.get("releasedOn") + " (outcome to record)";
            case TRANSFERRED -> "Transferred from " + d.get("fromPrisonCode") + " to " + d.get("toPrisonCode")
                    + (Boolean.TRUE.equals(d.get("caseClosed")) ? " (case closed)" : "");
            case DETAILS_UPDATED -> "Details updated: " + String.join(", ", changedFields(d));
            case SUPERSEDED -> "Case closed: a later reception on " + d.get("receivedOn") + " opened case "
                    + d.get("supersededBy");
            case ALLOCATED -> "Allocated to " + d.get("allocatedTo");
            case DEALLOCATED -> "No longer allocated to " + d.get("previouslyAllocatedTo") + " ("
                    + d.get("reason") + ")";
            case SCREENING_RECORDED -> "Immediate needs screening recorded (questions version "
                    + d.get("questionsVersion") + ")";
            case PRE_RELEASE_REVIEW_COMPLETED -> "Pre-release review completed "
                    + (Boolean.TRUE.equals(d.get("completedOnTime")) ? "on time" : "late")
                    + " (questions version " + d.get("questionsVersion") + ")";
        };
    }
}
