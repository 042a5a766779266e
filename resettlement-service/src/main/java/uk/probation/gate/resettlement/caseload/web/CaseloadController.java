package uk.probation.gate.resettlement.caseload.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.probation.gate.platform.web.PageResponse;
import uk.probation.gate.platform.web.Paging;
import uk.probation.gate.resettlement.caseload.Caseload;
import uk.probation.gate.resettlement.domain.CaseStatus;

@RestController
class CaseloadController {

    private final Caseload caseload;

    CaseloadController(Caseload caseload) {
        this.caseload = caseload;
    }

    /** What is due, soonest first, optionally for one prison, one status, or only what is overdue. */
    @GetMapping("/api/caseload")
    PageResponse<Caseload.Entry> due(@RequestParam(required = false) String prisonCode,
            @RequestParam(required = false) CaseStatus status, @RequestParam(required = false) Boolean overdue,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Paging.check(page, size);
        return caseload.due(prisonCode, status, overdue, page, size);
    }
}
