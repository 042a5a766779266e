package uk.probation.gate.web.ops;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.probation.gate.web.api.ApiProblem;
import uk.probation.gate.web.api.Page;
import uk.probation.gate.web.forms.DateField;
import uk.probation.gate.web.forms.FormErrors;
import uk.probation.gate.web.forms.FormFields;

/**
 * Provider performance for ops viewers and admins: for a period (the last 90 days unless chosen), a table per
 * provider of referrals received, accepted, declined, escalations, the median days to accept and to start, and
 * the outcomes by need. Counts only: nobody is named or identified.
 */
@Controller
@PreAuthorize("hasAnyRole('OPS_VIEWER', 'ADMIN')")
class PerformancePage {

    static final int DEFAULT_DAYS = 90;
    private static final FormFields FIELDS = FormFields.of().field("from", "from-day", "From")
            .field("to", "to-day", "To");

    private final ProviderPerformance performance;

    PerformancePage(ProviderPerformance performance) {
        this.performance = performance;
    }

    @GetMapping("/provider-performance")
    String performance(@RequestParam Map<String, String> params, Model model) {
        Map<String, String> form = new HashMap<>(params);
        FormErrors errors = FormErrors.none();
        LocalDate from = DateField.read(form, "from", "From", errors);
        LocalDate to = DateField.read(form, "to", "To", errors);
        if (from == null && to == null && !errors.any()) {
            to = LocalDate.now();
            from = to.minusDays(DEFAULT_DAYS);
            DateField.write(form, "from", from);
            DateField.write(form, "to", to);
        }
        if (from != null && to != null && from.isAfter(to)) {
            errors.add("to-day", "To must be the same as or after from");
        }
        Page<ProviderPerformance.Provider> found = Page.empty(0);
        if (!errors.any()) {
            try {
                found = performance.between(from, to);
            } catch (ApiProblem problem) {
                if (!problem.isInvalidInput()) {
                    throw problem;
                }
                errors = FormErrors.from(problem, FIELDS);
            }
        }
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("providers", found.items());
        return "ops/performance";
    }

    /** Median days as people read them: "2.5 days", "1 day", "Not yet" when nothing was accepted or started. */
    static String days(Double median) {
        if (median == null) {
            return "None yet";
        }
        String number = median == Math.rint(median) ? String.valueOf(median.longValue())
                : String.format(Locale.UK, "%.1f", median);
        return number + (median == 1.0 ? " day" : " days");
    }

    /** For the template: {@code ${T(...)}} is not allowed, so the page gets a formatter. */
    public static final class Days {
        public String of(Double median) {
            return days(median);
        }
    }

    @org.springframework.web.bind.annotation.ModelAttribute("days")
    Days daysFormat() {
        return new Days();
    }
}
