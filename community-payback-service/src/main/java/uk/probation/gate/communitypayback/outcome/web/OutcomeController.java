package uk.probation.gate.communitypayback.outcome.web;

import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.probation.gate.communitypayback.outcome.UnpaidWorkOutcomes;
import uk.probation.gate.communitypayback.outcome.UnpaidWorkOutcomes.GroupBy;
import uk.probation.gate.platform.web.ApiProblem;

/** Unpaid work outcome figures for operations, by area, by sex, or both; no person is named. */
@RestController
class OutcomeController {

    record Outcomes(String groupBy, List<UnpaidWorkOutcomes.Figures> items) {
    }

    private final UnpaidWorkOutcomes outcomes;

    OutcomeController(UnpaidWorkOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @GetMapping("/api/outcomes/unpaid-work")
    Outcomes unpaidWork(@RequestParam(defaultValue = "area") String groupBy) {
        return new Outcomes(groupBy, outcomes.figures(parse(groupBy)));
    }

    private static GroupBy parse(String groupBy) {
        return switch (groupBy.replace(" ", "").toLowerCase(Locale.ROOT)) {
            case "area" -> GroupBy.AREA;
            case "sex" -> GroupBy.SEX;
            case "area,sex", "sex,area" -> GroupBy.AREA_AND_SEX;
            default -> throw ApiProblem.invalid("groupBy", "must be area, sex or area,sex");
        };
    }
}
