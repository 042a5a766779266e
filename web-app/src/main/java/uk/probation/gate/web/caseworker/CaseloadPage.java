package uk.probation.gate.web.caseworker;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;
import uk.probation.gate.web.WebProperties;
import uk.probation.gate.web.api.Page;
import uk.probation.gate.web.api.ReferralApi;
import uk.probation.gate.web.api.ResettlementApi;
import uk.probation.gate.web.pages.Pagination;
import uk.probation.gate.web.pages.SortableColumn;
import uk.probation.gate.web.security.SignedInUser;

/**
 * The caseworker's first page: the release-readiness worklist (due out soon with accommodation or work not secured,
 * soonest first) above the caseload (what is due, soonest first, overdue tagged; search, filters, sorting, paging).
 */
@Controller
@PreAuthorize("hasRole('RESETTLEMENT_CASEWORKER')")
class CaseloadPage {

    static final int PAGE_SIZE = 20;
    private static final List<String> HELD = java.util.Arrays.asList("me", "nobody");
    private static final Set<String> SORTS = Set.of("dueBy", "prisonNumber", "status", "expectedReleaseDate");

    private final ResettlementApi resettlement;
    private final ReferralApi referrals;
    private final WebProperties properties;

    CaseloadPage(ResettlementApi resettlement, ReferralApi referrals, WebProperties properties) {
        this.resettlement = resettlement;
        this.referrals = referrals;
        this.properties = properties;
    }

    @GetMapping("/caseload")
    String caseload(@RequestParam(required = false) String prisonNumber,
            @RequestParam(required = false) String prisonCode, @RequestParam(required = false) String status,
            @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) String held,
            @RequestParam(defaultValue = "dueBy") String sort,
            @RequestParam(defaultValue = "asc") String direction, @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "1") int worklistPage, HttpServletRequest request, Model model) {
        String sortBy = SORTS.contains(sort) ? sort : "dueBy";
        String order = "desc".equals(direction) ? "desc" : "asc";
        String number = prisonNumber == null ? null : prisonNumber.trim().toUpperCase(java.util.Locale.ROOT);
        int pageIndex = Math.max(0, page - 1);
        String holder = HELD.contains(held) ? held : null;
        Page<ResettlementApi.CaseloadEntry> cases = resettlement.caseload(new ResettlementApi.CaseloadQuery(
                blankToNull(prisonCode), blankToNull(status), overdue, blankToNull(number), sortBy, order, pageIndex,
                PAGE_SIZE, "me".equals(holder) ? "me" : null, "nobody".equals(holder) ? Boolean.TRUE : null));
        Page<ReferralApi.ReadinessItem> worklist = referrals.releaseReadiness(properties.releaseWithinDays(),
                blankToNull(prisonCode), Math.max(0, worklistPage - 1), PAGE_SIZE);

        UriComponentsBuilder here = ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("continue");
        model.addAttribute("cases", cases);
        model.addAttribute("casePages", Pagination.of(cases, here));
        model.addAttribute("worklist", worklist);
        model.addAttribute("worklistPages", Pagination.of(worklist, here, "worklistPage"));
        model.addAttribute("withinDays", properties.releaseWithinDays());
        model.addAttribute("columns", List.of(
                SortableColumn.of("Prison number", "prisonNumber", sortBy, order, here),
                SortableColumn.of("Status", "status", sortBy, order, here),
                SortableColumn.of("Due by", "dueBy", sortBy, order, here),
                SortableColumn.of("Expected release", "expectedReleaseDate", sortBy, order, here)));
        model.addAttribute("filters", new Filters(number, blankToNull(prisonCode), blankToNull(status), overdue,
                holder));
        model.addAttribute("prisons", SignedInUser.current().map(SignedInUser::prisons).orElse(List.of()));
        return "caseworker/caseload";
    }

    /** {@code held}: {@code me} for "My cases", {@code nobody} for "Unallocated", null for everyone's. */
    public record Filters(String prisonNumber, String prisonCode, String status, Boolean overdue, String held) {
        public boolean any() {
            return prisonNumber != null || prisonCode != null || status != null || overdue != null || held != null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
