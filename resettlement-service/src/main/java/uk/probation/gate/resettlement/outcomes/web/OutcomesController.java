package uk.probation.gate.resettlement.outcomes.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.probation.gate.platform.web.ApiProblem;
import uk.probation.gate.platform.web.PageResponse;
import uk.probation.gate.resettlement.outcomes.ReleaseOutcomes;

/** Ops figures on release without person identifiers: counts and shares per prison and/or sex. */
@RestController
class OutcomesController {

    private final ReleaseOutcomes outcomes;

    OutcomesController(ReleaseOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    /** {@code groupBy} is {@code prison}, {@code sex} or both ({@code prison,sex}). */
    @GetMapping("/api/outcomes/releases")
    PageResponse<Map<String, Object>> releases(@RequestParam(defaultValue = "prison") String groupBy) {
        List<ReleaseOutcomes.GroupBy> groups = new ArrayList<>();
        for (String part : groupBy.split(",")) {
            ReleaseOutcomes.GroupBy group = switch (part.trim().toLowerCase(Locale.ROOT)) {
                case "prison" -> ReleaseOutcomes.GroupBy.PRISON;
                case "sex" -> ReleaseOutcomes.GroupBy.SEX;
                default -> null;
            };
            if (group == null || groups.contains(group)) {
                throw ApiProblem.unprocessable("The releases cannot be grouped by " + groupBy,
                        List.of(new ApiProblem.FieldError("groupBy", "must be prison, sex or prison,sex")));
            }
            groups.add(group);
        }
        List<Map<String, Object>> items = outcomes.releases(groups).stream().map(OutcomesController::item).toList();
        return new PageResponse<>(items, 0, Math.max(items.size(), 1), items.size());
    }

    /** {@code prisonCode} and/or {@code sex} first (as grouped), then the figures. */
    private static Map<String, Object> item(ReleaseOutcomes.Figures f) {
        Map<String, Object> item = new LinkedHashMap<>(f.key());
        item.put("released", f.released());
        item.put("accommodation", f.accommodation());
        item.put("ete", f.ete());
        item.put("homelessShare", f.homelessShare());
        item.put("noWorkShare", f.noWorkShare());
        return item;
    }
}
