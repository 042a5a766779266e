package uk.probation.gate.web.caseworker;

import jakarta.servlet.http.HttpSession;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
import uk.probation.gate.web.api.ReferralApi;
import uk.probation.gate.web.api.ResettlementApi;
import uk.probation.gate.web.api.ServiceUnavailable;
import uk.probation.gate.web.forms.DateField;
import uk.probation.gate.web.forms.FormErrors;
import uk.probation.gate.web.forms.FormFields;
import uk.probation.gate.web.forms.OnceOnly;
import uk.probation.gate.web.forms.Option;
import uk.probation.gate.web.pages.Words;
import uk.probation.gate.web.security.SignedInUser;

/** A case: opening one from a reception form, and the case page (details, plan, referrals, timeline, release). */
@Controller
@PreAuthorize("hasRole('RESETTLEMENT_CASEWORKER')")
class CasePages {

    private static final FormFields RECEPTION_FIELDS = FormFields.of()
            .field("prisonNumber", "Prison number")
            .field("crn", "Case reference number (CRN)")
            .field("prisonCode", "Prison")
            .field("receivedOn", "receivedOn-day", "Date received")
            .field("expectedReleaseDate", "expectedReleaseDate-day", "Expected release date")
            .field("sex", "Sex")
            .field("riskOfSeriousHarm", "Risk of serious harm")
            .field("responsibleOfficerCode", "Responsible officer code")
            .field("recall", "Recall");

    private final ResettlementApi resettlement;
    private final ReferralApi referrals;
    private final OnceOnly onceOnly;
    private final org.springframework.context.MessageSource messages;
    private final Words words;

    CasePages(ResettlementApi resettlement, ReferralApi referrals, OnceOnly onceOnly,
            org.springframework.context.MessageSource messages, Words words) {
        this.messages = messages;
        this.words = words;
        this.resettlement = resettlement;
        this.referrals = referrals;
        this.onceOnly = onceOnly;
    }

    @GetMapping("/cases/new")
    String receptionForm(@RequestParam Map<String, String> form, Model model) {
        Map<String, String> values = new HashMap<>(form);
        if (!values.containsKey("receivedOn-day")) {
            DateField.write(values, "receivedOn", LocalDate.now());
        }
        return receptionPage(values, FormErrors.none(), model);
    }

    @PostMapping("/cases")
    String receive(@RequestParam Map<String, String> form, HttpSession session, Model model,
            RedirectAttributes redirect) {
        FormErrors errors = FormErrors.none();
        LocalDate receivedOn = DateField.read(form, "receivedOn", "Date received", errors);
        LocalDate expectedRelease = DateField.read(form, "expectedReleaseDate", "Expected release date", errors);
        if (blank(form.get("prisonNumber"))) {
            errors.add("prisonNumber", "Enter a prison number");
        }
        if (receivedOn == null && !errors.has("receivedOn-day")) {
            errors.add("receivedOn-day", "Enter the date received");
        }
        if (blank(form.get("sex"))) {
            errors.add("sex", "Select the person's sex");
        }
        if (blank(form.get("riskOfSeriousHarm"))) {
            errors.add("riskOfSeriousHarm", "Select the risk of serious harm");
        }
        if (errors.any()) {
            return receptionPage(form, errors, model);
        }
        return onceOnly.submit(session, form.get("formToken"), () -> {
            try {
                ResettlementApi.Case opened = resettlement.receive(new ResettlementApi.Reception(
                        upper(form.get("prisonNumber")), blank(form.get("crn")) ? null : upper(form.get("crn")),
                        form.get("prisonCode"), receivedOn, expectedRelease, form.get("sex"),
                        form.get("riskOfSeriousHarm"), blank(form.get("responsibleOfficerCode")) ? null
                                : upper(form.get("responsibleOfficerCode")),
                        "true".equals(form.get("recall")) ? Boolean.TRUE : null), form.get("formToken"));
                redirect.addFlashAttribute("success", "Case opened for " + opened.prisonNumber());
                return "redirect:/cases/" + opened.id();
            } catch (ApiProblem problem) {
                if (problem.isInvalidInput()) {
                    return receptionPage(form, FormErrors.from(problem, RECEPTION_FIELDS), model);
                }
                if (problem.status() == 403) {
                    return receptionPage(form, FormErrors.none().add("prisonCode",
                            "You can only record receptions at a prison you work in"), model);
                }
                throw problem;
            }
        });
    }

    private String receptionPage(Map<String, String> form, FormErrors errors, Model model) {
        List<String> prisons = SignedInUser.current().map(SignedInUser::prisons).orElse(List.of());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("prisons", prisons.stream().map(code -> Option.of(code,
                messages.getMessage("prison." + code, null, code, java.util.Locale.UK))).toList());
        model.addAttribute("sexes", List.of(Option.of("FEMALE", "Female"), Option.of("MALE", "Male")));
        model.addAttribute("risks", List.of(Option.of("LOW", "Low"), Option.of("MEDIUM", "Medium"),
                Option.of("HIGH", "High"), Option.of("VERY_HIGH", "Very high")));
        model.addAttribute("recalls", List.of(
                new Option("true", "Yes", "Recalled to prison for breaking the licence conditions"),
                Option.of("false", "No")));
        model.addAttribute("backLink", "/caseload");
        return "caseworker/reception";
    }

    @GetMapping("/cases/{caseId}")
    String casePage(@PathVariable String caseId, Model model) {
        ResettlementApi.Case found = resettlement.get(caseId);
        model.addAttribute("case", found);
        model.addAttribute("tasks", PlanTasks.of(found));
        List<ReferralApi.Referral> made = new ArrayList<>();
        String referralsProblem = null;
        try {
            made.addAll(referrals.forCase(caseId));
        } catch (RecordNotFound | ServiceUnavailable e) {
            referralsProblem = "Referrals cannot be shown right now. Try again later.";
        }
        model.addAttribute("referrals", made);
        model.addAttribute("timeline", Timeline.of(resettlement.timeline(caseId), made, words));
        model.addAttribute("referralsProblem", referralsProblem);
        model.addAttribute("backLink", "/caseload");
        return "caseworker/case";
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String upper(String value) {
        return value.trim().toUpperCase(java.util.Locale.ROOT);
    }
}
