package uk.probation.gate.resettlement.caseload.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.probation.gate.platform.security.Caller;
import uk.probation.gate.platform.web.ApiProblem;
import uk.probation.gate.platform.web.PageResponse;
import uk.probation.gate.platform.web.Paging;
import uk.probation.gate.resettlement.caseload.Allocations;
import uk.probation.gate.resettlement.caseload.Caseload;
import uk.probation.gate.resettlement.domain.CaseStatus;

@RestController
class CaseloadController {

    private final Caseload caseload;
    private final Allocations allocations;

    CaseloadController(Caseload caseload, Allocations allocations) {
        this.caseload = caseload;
        this.allocations = allocations;
    }

    /**
     * What is due at the caller's prisons, soonest first unless sorted otherwise; optionally one prison, one status,
     * only what is overdue, or one person by prison number (exact, any case).
     */
    @GetMapping("/api/caseload")
    PageResponse<Caseload.Entry> due(@RequestParam(required = false) String prisonCode,
            @RequestParam(required = false) CaseStatus status, @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) String prisonNumber,
            @RequestParam(required = false) String allocatedTo,
            @RequestParam(defaultValue = "false") boolean unallocated,
            @RequestParam(defaultValue = "dueBy") String sort, @RequestParam(defaultValue = "asc") String direction,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Paging.check(page, size);
        Caseload.SortBy sortBy = Caseload.SortBy.named(sort);
        if (sortBy == null) {
            throw ApiProblem.unprocessable("The caseload cannot be sorted by " + sort, List.of(
                    new ApiProblem.FieldError("sort", "must be one of " + Arrays.stream(Caseload.SortBy.values())
                            .map(Caseload.SortBy::parameter).toList())));
        }
        Sort.Direction order = switch (direction.toLowerCase(Locale.ROOT)) {
            case "asc" -> Sort.Direction.ASC;
            case "desc" -> Sort.Direction.DESC;
            default -> throw ApiProblem.unprocessable("The caseload cannot be sorted " + direction,
                    List.of(new ApiProblem.FieldError("direction", "must be asc or desc")));
        };
        String number = prisonNumber == null || prisonNumber.isBlank() ? null : prisonNumber;
        String prison = prisonCode == null || prisonCode.isBlank() ? null : prisonCode;
        Caller caller = Caller.current();
        allocations.remember(caller);
        String holder = allocatedTo == null || allocatedTo.isBlank() ? null : Allocations.resolve(allocatedTo, caller);
        if (holder != null && !holder.matches(Allocations.USER_ID)) {
            throw ApiProblem.unprocessable("The caseload cannot be filtered by " + allocatedTo, List.of(
                    new ApiProblem.FieldError("allocatedTo", "must be a user id or me")));
        }
        return PageResponse.of(caseload.due(caller, new Caseload.Filter(prison, status, overdue, number, holder,
                unallocated), sortBy, order, page, size));
    }
}
