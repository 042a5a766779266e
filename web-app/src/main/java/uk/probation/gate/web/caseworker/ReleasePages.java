package uk.probation.gate.web.caseworker;

import jakarta.servlet.http.HttpSession;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import uk.probation.gate.web.api.ApiProblem;
import uk.probation.gate.web.api.RecordNotFound;
import uk.probation.gate.web.api.ResettlementApi;
import uk.probation.gate.web.forms.CheckAnswers;
import uk.probation.gate.web.forms.DateField;
import uk.probation.gate.web.forms.FormErrors;
import uk.probation.gate.web.forms.FormFields;
import uk.probation.gate.web.forms.OnceOnly;
import uk.probation.gate.web.forms.Option;

/**
 * Recording the release: one page of questions (date, accommodation, work, met at the gate), check your answers
 * (the answers travel as hidden fields, so it works without JavaScript or session state), then record.
 */
@Controller
@PreAuthorize("hasRole('RESETTLEMENT_CASEWORKER')")
class ReleasePages {

    private static final FormFields FIELDS = FormFields.of()
            .field("releasedOn", "releasedOn-day", "Date of release")
            .field("accommodationOnRelease", "Accommodation on release")
            .field("eteOnRelease", "Work on release")
            .field("metAtGate", "Met at the gate");
    private static final List<String> ACCOMMODATION = List.of("SETTLED", "TEMPORARY", "NO_FIXED_ABODE", "UNKNOWN");
    private static final List<String> ETE = List.of("EMPLOYMENT", "EDUCATION_OR_TRAINING", "NONE", "UNKNOWN");

    private final ResettlementApi resettlement;
    private final OnceOnly onceOnly;
    private final MessageSource messages;

    ReleasePages(ResettlementApi resettlement, OnceOnly onceOnly, MessageSource messages) {
        this.resettlement = resettlement;
        this.onceOnly = onceOnly;
        this.messages = messages;
    }

    @GetMapping("/cases/{caseId}/release")
    String form(@PathVariable String caseId, @RequestParam Map<String, String> params, Model model) {
        ResettlementApi.Case found = resettlement.get(caseId);
        Map<String, String> form = new HashMap<>(params);
        if (!form.containsKey("releasedOn-day")) {
            DateField.write(form, "releasedOn", found.release() != null ? found.release().releasedOn()
                    : found.expectedReleaseDate() != null && !found.expectedReleaseDate().isAfter(LocalDate.now())
                            ? found.expectedReleaseDate() : LocalDate.now());
        }
        return formPage(found, form, FormErrors.none(), model);
    }

    @PostMapping("/cases/{caseId}/release/check")
    String check(@PathVariable String caseId, @RequestParam Map<String, String> form, Model model) {
        ResettlementApi.Case found = resettlement.get(caseId);
        FormErrors errors = FormErrors.none();
        LocalDate releasedOn = read(form, errors);
        if (errors.any()) {
            return formPage(found, form, errors, model);
        }
        String change = UriComponentsBuilder.fromPath("/cases/" + caseId + "/release")
                .queryParam("releasedOn-day", form.get("releasedOn-day"))
                .queryParam("releasedOn-month", form.get("releasedOn-month"))
                .queryParam("releasedOn-year", form.get("releasedOn-year"))
                .queryParam("accommodationOnRelease", form.get("accommodationOnRelease"))
                .queryParam("eteOnRelease", form.get("eteOnRelease"))
                .queryParam("metAtGate", form.get("metAtGate")).build().encode().toUriString();
        model.addAttribute("case", found);
        model.addAttribute("form", form);
        model.addAttribute("answers", new CheckAnswers()
                .row("Date of release", releasedOn.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy",
                        Locale.UK)), change + "#releasedOn")
                .row("Accommodation on release", message("accommodation." + form.get("accommodationOnRelease")),
                        change + "#accommodationOnRelease")
                .row("Work on release", message("ete." + form.get("eteOnRelease")), change + "#eteOnRelease")
                .row("Met at the gate", "true".equals(form.get("metAtGate")) ? "Yes" : "No", change + "#metAtGate"));
        model.addAttribute("backLink", change);
        return "caseworker/release-check";
    }

    @PostMapping("/cases/{caseId}/release")
    String record(@PathVariable String caseId, @RequestParam Map<String, String> form, HttpSession session,
            Model model, RedirectAttributes redirect) {
        FormErrors errors = FormErrors.none();
        LocalDate releasedOn = read(form, errors);
        if (errors.any()) {
            return formPage(resettlement.get(caseId), form, errors, model);
        }
        return onceOnly.submit(session, form.get("formToken"), () -> {
            ResettlementApi.Case found = resettlement.get(caseId);
            try {
                resettlement.recordRelease(caseId, found.version(), new ResettlementApi.ReleaseOutcome(releasedOn,
                        form.get("accommodationOnRelease"), form.get("eteOnRelease"),
                        "true".equals(form.get("metAtGate"))), form.get("formToken"));
                redirect.addFlashAttribute("success", "Release recorded");
                return "redirect:/cases/" + caseId;
            } catch (RecordNotFound notFound) {
                throw notFound;
            } catch (ApiProblem problem) {
                if (problem.isInvalidInput() || problem.isConflict()) {
                    return formPage(found, form, problem.isConflict()
                            ? FormErrors.none().add(null, "The case changed while you were recording the release: "
                                    + "check the answers and record it again")
                            : FormErrors.from(problem, FIELDS), model);
                }
                throw problem;
            }
        });
    }

    private LocalDate read(Map<String, String> form, FormErrors errors) {
        LocalDate releasedOn = DateField.read(form, "releasedOn", "Date of release", errors);
        if (releasedOn == null && !errors.has("releasedOn-day")) {
            errors.add("releasedOn-day", "Enter the date of release");
        } else if (releasedOn != null && releasedOn.isAfter(LocalDate.now())) {
            errors.add("releasedOn-day", "Date of release must be today or in the past");
        }
        if (!ACCOMMODATION.contains(form.get("accommodationOnRelease"))) {
            errors.add("accommodationOnRelease", "Select where the person is living on release");
        }
        if (!ETE.contains(form.get("eteOnRelease"))) {
            errors.add("eteOnRelease", "Select the person's work, education or training on release");
        }
        if (!List.of("true", "false").contains(form.get("metAtGate"))) {
            errors.add("metAtGate", "Select yes if the person was met at the gate");
        }
        return releasedOn;
    }

    private String formPage(ResettlementApi.Case c, Map<String, String> form, FormErrors errors, Model model) {
        model.addAttribute("case", c);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("accommodations", ACCOMMODATION.stream()
                .map(code -> Option.of(code, message("accommodation." + code))).toList());
        model.addAttribute("etes", ETE.stream().map(code -> Option.of(code, message("ete." + code))).toList());
        model.addAttribute("yesNo", List.of(Option.of("true", "Yes"), Option.of("false", "No")));
        model.addAttribute("backLink", "/cases/" + c.id());
        return "caseworker/release";
    }

    private String message(String code) {
        return messages.getMessage(code, null, code, Locale.UK);
    }
}
