package uk.probation.gate.referral.release.web;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.probation.gate.platform.security.Caller;
import uk.probation.gate.platform.web.ApiProblem;
import uk.probation.gate.platform.web.PageResponse;
import uk.probation.gate.platform.web.Paging;
import uk.probation.gate.referral.release.ReleaseReadiness;

@RestController
class ReleaseReadinessController {

    static final int MAX_DAYS = 90;

    private final ReleaseReadiness readiness;

    ReleaseReadinessController(ReleaseReadiness readiness) {
        this.readiness = readiness;
    }

    /**
     * The caseworker's first page: who at the caller's prisons is due out within {@code withinDays} (default
     * {@code referral.release-soon-days}) with accommodation or ETE not taken on by a provider, soonest first.
     */
    @GetMapping("/api/release-readiness")
    PageResponse<ReleaseReadiness.Item> worklist(@RequestParam(required = false) Integer withinDays,
            @RequestParam(required = false) String prisonCode, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        Paging.check(page, size);
        int days = withinDays == null ? readiness.defaultDays() : withinDays;
        if (days < 1 || days > MAX_DAYS) {
            throw ApiProblem.unprocessable("withinDays must be between 1 and " + MAX_DAYS,
                    List.of(new ApiProblem.FieldError("withinDays", "must be between 1 and " + MAX_DAYS)));
        }
        return PageResponse.of(readiness.worklist(days, Caller.current().prisonFilter(), prisonCode, page, size));
    }
}
