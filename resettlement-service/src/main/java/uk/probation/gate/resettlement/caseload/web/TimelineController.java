package uk.probation.gate.resettlement.caseload.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.probation.gate.platform.web.PageResponse;
import uk.probation.gate.platform.web.Paging;
import uk.probation.gate.resettlement.caseload.Actor;
import uk.probation.gate.resettlement.caseload.Cases;
import uk.probation.gate.resettlement.caseload.ResettlementCase;
import uk.probation.gate.resettlement.caseload.ResettlementCase.Happened;

/** One timeline per person: what happened to the case, oldest first, who did it and when; codes only. */
@RestController
class TimelineController {

    record Entry(Instant at, Happened type, Actor by, String summary, Map<String, Object> details) {
    }

    private final Cases cases;

    TimelineController(Cases cases) {
        this.cases = cases;
    }

    @GetMapping("/api/cases/{caseId}/timeline")
    PageResponse<Entry> timeline(@PathVariable String caseId, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "200") int size) {
        Paging.check(page, size);
        List<ResettlementCase.HistoryEntry> history = cases.get(caseId).getHistory();
        List<Entry> items = history.stream().skip((long) page * size).limit(size)
                .map(e -> new Entry(e.at(), e.type(), e.by(), summary(e), e.details())).toList();
        return new PageResponse<>(items, page, size, history.size());
    }

    private static List<String> changedFields(Map<String, Object> d) {
        return d.get("changedFields") instanceof List<?> fields ? fields.stream().map(String::valueOf).toList()
                : List.of();
    }

    /** A line a person reads, built from the codes only: no note or summary a caseworker wrote. */
    static String summary(ResettlementCase.HistoryEntry e) {
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
