package uk.probation.gate.web.caseworker;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.probation.gate.web.api.ApiProblem;
import uk.probation.gate.web.api.RecordNotFound;
import uk.probation.gate.web.api.ResettlementApi;
import uk.probation.gate.web.forms.DateField;
import uk.probation.gate.web.forms.FormErrors;
import uk.probation.gate.web.forms.FormFields;
import uk.probation.gate.web.forms.OnceOnly;
import uk.probation.gate.web.forms.Option;
import uk.probation.gate.web.security.UnfinishedForms;

/**
 * Completing or correcting a case's details (CRN, expected release date, sex, risk, responsible officer, recall) with
 * the case version as If-Match: when a colleague changed the case first, the page says who and when, shows the
 * latest details and keeps what this person typed. And who holds the case: allocate to me, to someone else, or
 * nobody.
 */
@Controller
@PreAuthorize("hasRole('RESETTLEMENT_CASEWORKER')")
class CaseDetailsPages {

    static final FormFields DETAIL_FIELDS = FormFields.of()
            .field("crn", "Case reference number (CRN)")
            .field("expectedReleaseDate", "expectedReleaseDate-day", "Expected release date")
            .field("sex", "Sex")
            .field("riskOfSeriousHarm", "Risk of serious harm")
            .field("responsibleOfficerCode", "Responsible officer code")
            .field("recall", "Recall");
    private static final FormFields ALLOCATION_FIELDS = FormFields.of().field("caseworker", "User id");

    private final ResettlementApi resettlement;
    private final OnceOnly onceOnly;

    CaseDetailsPages(ResettlementApi resettlement, OnceOnly onceOnly) {
        this.resettlement = resettlement;
        this.onceOnly = onceOnly;
    }

    @GetMapping("/cases/{caseId}/details")
    String detailsForm(@PathVariable String caseId, @RequestParam Map<String, String> params,
            HttpServletRequest request, Model model) {
        ResettlementApi.Case found = resettlement.get(caseId);
        if (!found.open()) {
            return "redirect:/cases/" + caseId;
        }
        Map<String, String> form = UnfinishedForms.restored(request) ? new HashMap<>(params) : values(found);
        return detailsPage(found, form, FormErrors.none(), null, model);
    }

    @PostMapping("/cases/{caseId}/details")
    String saveDetails(@PathVariable String caseId, @RequestParam Map<String, String> form, HttpSession session,
            Model model, RedirectAttributes redirect) {
        ResettlementApi.Case latest = resettlement.get(caseId);
        FormErrors errors = FormErrors.none();
        LocalDate release = DateField.read(form, "expectedReleaseDate", "Expected release date", errors);
        if (CasePages.blank(form.get("sex"))) {
            errors.add("sex", "Select the person's sex");
        }
        if (CasePages.blank(form.get("riskOfSeriousHarm"))) {
            errors.add("riskOfSeriousHarm", "Select the risk of serious harm");
        }
        if (CasePages.blank(form.get("recall"))) {
            errors.add("recall", "Select whether this is a recall");
        }
        if (errors.any()) {
            return detailsPage(latest, form, errors, null, model);
        }
        long seen = parse(form.get("version"), latest.version());
        ResettlementApi.Details details = new ResettlementApi.Details(upperOrNull(form.get("crn")), release,
                form.get("sex"), form.get("riskOfSeriousHarm"), upperOrNull(form.get("responsibleOfficerCode")),
                "true".equals(form.get("recall")));
        return onceOnly.submit(session, form.get("formToken"), () -> {
            try {
                resettlement.updateDetails(caseId, seen, details);
                redirect.addFlashAttribute("success", "Details saved");
                return "redirect:/cases/" + caseId;
            } catch (RecordNotFound notFound) {
                throw notFound;
            } catch (ApiProblem problem) {
                if (problem.isConflict()) {
                    ResettlementApi.Case newest = resettlement.get(caseId);
                    if (!newest.open()) {
                        return detailsPage(newest, form, FormErrors.none().add(null, "This case is closed ("
                                + newest.status().toLowerCase(Locale.UK) + "): its details can no longer be changed."),
                                null, model);
                    }
                    Map<String, String> kept = new HashMap<>(form);
                    kept.put("version", String.valueOf(newest.version()));
                    return detailsPage(newest, kept, FormErrors.none(), conflict(problem), model);
                }
                if (problem.isInvalidInput()) {
                    return detailsPage(latest, form, FormErrors.from(problem, DETAIL_FIELDS), null, model);
                }
                throw problem;
            }
        });
    }

    /** Someone changed the case after this person opened the form: who and when (UK time). */
    public record Conflict(String who, String when) {
    }

    static Conflict conflict(ApiProblem problem) {
        Object name = problem.extra("modifiedBy.name");
        Object at = problem.extra("modifiedAt");
        String when = null;
        if (at != null) {
            try {
                when = PlanPages.when(Instant.parse(at.toString()));
            } catch (RuntimeException unparsable) {
                when = at.toString();
            }
        }
        return new Conflict(name == null ? "Someone else" : name.toString(), when);
    }

    private String detailsPage(ResettlementApi.Case c, Map<String, String> form, FormErrors errors,
            Conflict conflict, Model model) {
        model.addAttribute("case", c);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("conflict", conflict);
        model.addAttribute("sexes", List.of(Option.of("FEMALE", "Female"), Option.of("MALE", "Male")));
        model.addAttribute("risks", List.of(Option.of("LOW", "Low"), Option.of("MEDIUM", "Medium"),
                Option.of("HIGH", "High"), Option.of("VERY_HIGH", "Very high")));
        model.addAttribute("recalls", List.of(
                new Option("true", "Yes", "Recalled to prison for breaking the licence conditions"),
                Option.of("false", "No")));
        model.addAttribute("backLink", "/cases/" + c.id());
        return "caseworker/details";
    }

    private static Map<String, String> values(ResettlementApi.Case c) {
        Map<String, String> form = new HashMap<>();
        form.put("crn", c.crn());
        DateField.write(form, "expectedReleaseDate", c.expectedReleaseDate());
        form.put("sex", c.sex());
        form.put("riskOfSeriousHarm", c.riskOfSeriousHarm());
        form.put("responsibleOfficerCode", c.responsibleOfficerCode());
        form.put("recall", String.valueOf(c.isRecall()));
        form.put("version", String.valueOf(c.version()));
        return form;
    }

    // allocation

    @PostMapping("/cases/{caseId}/allocation")
    String allocate(@PathVariable String caseId, @RequestParam Map<String, String> form, HttpSession session,
            Model model, RedirectAttributes redirect) {
        String action = form.getOrDefault("action", "");
        String caseworker = "me".equals(action) ? "me"
                : form.get("caseworker") == null ? "" : form.get("caseworker").trim();
        if ("someone".equals(action) && caseworker.isEmpty()) {
            return allocationPage(resettlement.get(caseId), form,
                    FormErrors.none().add("caseworker", "Enter the caseworker's user id"), model);
        }
        return onceOnly.submit(session, form.get("formToken"), () -> {
            try {
                ResettlementApi.Case changed = "remove".equals(action) ? resettlement.deallocate(caseId)
                        : resettlement.allocate(caseId, caseworker);
                redirect.addFlashAttribute("success", changed.allocatedTo() == null ? "Case unallocated"
                        : "me".equals(caseworker) ? "Case allocated to you"
                        : "Case allocated to " + (changed.allocatedToName() != null ? changed.allocatedToName()
                                : changed.allocatedTo()));
                return "redirect:/cases/" + caseId;
            } catch (RecordNotFound notFound) {
                throw notFound;
            } catch (ApiProblem problem) {
                if (problem.isInvalidInput() && !"remove".equals(action)) {
                    return allocationPage(resettlement.get(caseId), form,
                            FormErrors.from(problem, ALLOCATION_FIELDS), model);
                }
                if (problem.isInvalidInput() || problem.isConflict()) {
                    redirect.addFlashAttribute("problem", problem.detail() != null ? problem.detail()
                            : "The allocation could not be changed");
                    return "redirect:/cases/" + caseId;
                }
                throw problem;
            }
        });
    }

    @GetMapping("/cases/{caseId}/allocation")
    String allocationForm(@PathVariable String caseId, @RequestParam Map<String, String> params, Model model) {
        ResettlementApi.Case found = resettlement.get(caseId);
        if (!found.open()) {
            return "redirect:/cases/" + caseId;
        }
        return allocationPage(found, new HashMap<>(params), FormErrors.none(), model);
    }

    private String allocationPage(ResettlementApi.Case c, Map<String, String> form, FormErrors errors, Model model) {
        model.addAttribute("case", c);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("backLink", "/cases/" + c.id());
        return "caseworker/allocation";
    }

    private static String upperOrNull(String value) {
        return value == null || value.isBlank() ? null : value.trim().toUpperCase(Locale.ROOT);
    }

    static long parse(String value, long fallback) {
        try {
            return Long.parseLong(value);
        } catch (RuntimeException e) {
            return fallback;
        }
    }
}
