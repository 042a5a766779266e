package uk.probation.gate.referral.release.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.probation.gate.platform.web.ApiProblem;
import uk.probation.gate.platform.web.PageResponse;
import uk.probation.gate.platform.web.Paging;
import uk.probation.gate.referral.release.ReleaseOutcome;
import uk.probation.gate.referral.release.ReleaseOutcomes;

@RestController
class ReleaseController {

    private final ReleaseOutcomes outcomes;

    ReleaseController(ReleaseOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    /** Releases, latest first: was accommodation / ETE needed, referred, accepted, secured, and what was there. */
    @GetMapping("/api/releases")
    PageResponse<ReleaseView> released(@RequestParam(required = false) String prisonCode,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Paging.check(page, size);
        return PageResponse.of(outcomes.released(prisonCode, page, size), ReleaseView::of);
    }

    /** One case's join, released or not yet. */
    @GetMapping("/api/releases/{caseId}")
    ReleaseView get(@PathVariable String caseId) {
        ReleaseOutcome found = outcomes.get(caseId);
        if (found == null) {
            throw ApiProblem.notFound("Case " + caseId);
        }
        return ReleaseView.of(found);
    }
}
