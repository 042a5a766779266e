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
import uk.probation.gate.resettlement.caseload.CaseStore;
import uk.probation.gate.resettlement.caseload.ResettlementCase;
import uk.probation.gate.resettlement.caseload.ResettlementCase.Happened;
import uk.probation.gate.resettlement.caseload.TimelineSummaries;

/** One timeline per person: what happened to the case, oldest first, who did it and when; codes only. */
@RestController
class TimelineController {

    record Entry(Instant at, Happened type, Actor by, String summary, Map<String, Object> details) {
    }

    private final CaseStore cases;

    TimelineController(CaseStore cases) {
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

    /** A line a person reads, built from the codes only: no note or summary a caseworker wrote. */
    static String summary(ResettlementCase.HistoryEntry e) {
        return TimelineSummaries.summary(e);
    }
}
