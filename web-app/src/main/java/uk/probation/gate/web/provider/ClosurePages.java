package uk.probation.gate.web.provider;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import uk.probation.gate.web.forms.CheckAnswers;
import uk.probation.gate.web.forms.FormErrors;
import uk.probation.gate.web.forms.FormFields;
import uk.probation.gate.web.forms.OnceOnly;
import uk.probation.gate.web.forms.Option;
import uk.probation.gate.web.pages.Words;
import uk.probation.gate.web.security.UnfinishedForms;

/**
 * Closing a referral whose outcome is recorded, with the end-of-service report: for each desired outcome whether it
 * was achieved (fully, partly, not) and a note, and a summary; then check your answers and close. The caseworker and
 * the responsible officer read the report. The provider reads its own report on the referral afterwards.
 */
@Controller
@PreAuthorize("hasRole('PROVIDER')")
class ClosurePages {

    static final List<String> ACHIEVED = List.of("ACHIEVED", "PARTIALLY_ACHIEVED", "NOT_ACHIEVED");

    /** One desired outcome on the form: its radios and note field names. */
    public record OutcomeField(String code, String label, String achievedName, String noteName) {
    }

    private final ProviderReferrals referrals;
    private final OnceOnly onceOnly;
    private final Words words;

    ClosurePages(ProviderReferrals referrals, OnceOnly onceOnly, Words words) {
        this.referrals = referrals;
        this.onceOnly = onceOnly;
        this.words = words;
    }

    /** After a time-out and a new sign-in, the form shows what was typed (restored). */
    @GetMapping("/referrals/{id}/close")
    String form(@PathVariable String id, @RequestParam Map<String, String> params, HttpServletRequest request,
            Model model) {
        ProviderReferrals.Referral referral = referrals.get(id);
        if (!"OUTCOME_RECORDED".equals(referral.status())) {
            return "redirect:/referrals/" + id;
        }
        return formPage(referral, UnfinishedForms.restored(request) ? params : Map.of(), FormErrors.none(), model);
    }

    /** Only reached after a time-out on the check page: the report typed is shown again to check. */
    @GetMapping("/referrals/{id}/close/check")
    String checkAgain(@PathVariable String id, @RequestParam Map<String, String> params, HttpServletRequest request,
            Model model) {
        ProviderReferrals.Referral referral = referrals.get(id);
        if (!"OUTCOME_RECORDED".equals(referral.status()) || !UnfinishedForms.restored(request)) {
            return "redirect:/referrals/" + id + ("OUTCOME_RECORDED".equals(referral.status()) ? "/close" : "");
        }
        return checkPage(referral, params, FormErrors.none(), model);
    }

    @PostMapping("/referrals/{id}/close")
    String check(@PathVariable String id, @RequestParam Map<String, String> form, Model model) {
        ProviderReferrals.Referral referral = referrals.get(id);
        FormErrors errors = FormErrors.none();
        for (String outcome : referral.desiredOutcomes()) {
            if (!ACHIEVED.contains(String.valueOf(form.get(achievedName(outcome))))) {
                errors.add(achievedName(outcome), "Select whether " + words.of("desiredOutcome", outcome)
                        .toLowerCase(Locale.UK) + " was achieved");
            }
        }
        if (errors.any()) {
            return formPage(referral, form, errors, model);
        }
        return checkPage(referral, form, FormErrors.none(), model);
    }

    @PostMapping("/referrals/{id}/close/check")
    String close(@PathVariable String id, @RequestParam Map<String, String> form, HttpSession session, Model model,
            RedirectAttributes redirect) {
        ProviderReferrals.Referral referral = referrals.get(id);
        ProviderReferrals.Report report = report(referral, form);
        return onceOnly.submit(session, form.get("formToken"), () -> {
            try {
                referrals.close(id, report, form.get("formToken"));
                redirect.addFlashAttribute("success", "Referral closed");
                redirect.addFlashAttribute("successDetail", report == null ? null
                        : "The caseworker and the responsible officer can read the end-of-service report.");
                return "redirect:/referrals/" + id;
            } catch (RecordNotFound notFound) {
                throw notFound;
            } catch (ApiProblem problem) {
                if (problem.isInvalidInput()) {
                    return formPage(referral, form, FormErrors.from(problem, fields(referral)), model);
                }
                if (problem.isConflict()) {
                    return checkPage(referrals.get(id), form, FormErrors.none().add(null, "This referral has "
                            + "changed since you opened it: it is now " + words.of("referralStatus",
                                    referrals.get(id).status()).toLowerCase(Locale.UK) + "."), model);
                }
                throw problem;
            }
        });
    }

    /** The report from the form; none when the referral has no desired outcomes and no summary was written. */
    private static ProviderReferrals.Report report(ProviderReferrals.Referral referral, Map<String, String> form) {
        List<ProviderReferrals.Achievement> achievements = new ArrayList<>();
        for (String outcome : referral.desiredOutcomes()) {
            String note = form.get(noteName(outcome));
            achievements.add(new ProviderReferrals.Achievement(outcome, form.get(achievedName(outcome)),
                    note == null || note.isBlank() ? null : note.trim()));
        }
        String summary = form.get("summary") == null || form.get("summary").isBlank() ? null
                : form.get("summary").trim();
        if (achievements.isEmpty() && summary == null) {
            return null;
        }
        return new ProviderReferrals.Report(achievements, summary);
    }

    private static FormFields fields(ProviderReferrals.Referral referral) {
        FormFields fields = FormFields.of().field("endOfServiceReport.summary", "summary", "Summary");
        for (String outcome : referral.desiredOutcomes()) {
            fields.field("endOfServiceReport.achievements[" + outcome + "]", achievedName(outcome),
                    Words.plain(outcome));
        }
        return fields.field("endOfServiceReport", "summary", "End-of-service report");
    }

    private String formPage(ProviderReferrals.Referral referral, Map<String, String> form, FormErrors errors,
            Model model) {
        model.addAttribute("referral", referral);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("outcomes", referral.desiredOutcomes().stream().map(o -> new OutcomeField(o,
                words.of("desiredOutcome", o), achievedName(o), noteName(o))).toList());
        model.addAttribute("achievedOptions", ACHIEVED.stream().map(a -> Option.of(a, words.of("achieved", a)))
                .toList());
        model.addAttribute("backLink", "/referrals/" + referral.id());
        return "provider/close";
    }

    private String checkPage(ProviderReferrals.Referral referral, Map<String, String> form, FormErrors errors,
            Model model) {
        CheckAnswers answers = new CheckAnswers();
        for (String outcome : referral.desiredOutcomes()) {
            String note = form.get(noteName(outcome));
            answers.row(words.of("desiredOutcome", outcome), words.of("achieved", form.get(achievedName(outcome)))
                    + (note == null || note.isBlank() ? "" : ". " + note.trim()), "/referrals/" + referral.id()
                    + "/close");
        }
        String summary = form.get("summary");
        answers.row("Summary", summary == null || summary.isBlank() ? "None" : summary.trim(),
                "/referrals/" + referral.id() + "/close");
        Map<String, String> hidden = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith("achieved-") || k.startsWith("note-") || k.equals("summary")) {
                hidden.put(k, v);
            }
        });
        model.addAttribute("referral", referral);
        model.addAttribute("heading", "Check the end-of-service report before you close the referral");
        model.addAttribute("explanation", "Closing ends your work with this person. The caseworker and the "
                + "responsible officer can read the report.");
        model.addAttribute("button", "Close the referral");
        model.addAttribute("answers", answers);
        model.addAttribute("errors", errors);
        model.addAttribute("hidden", hidden);
        model.addAttribute("action", "/referrals/" + referral.id() + "/close/check");
        model.addAttribute("backLink", "/referrals/" + referral.id() + "/close");
        return "provider/check";
    }

    static String achievedName(String outcome) {
        return "achieved-" + outcome;
    }

    static String noteName(String outcome) {
        return "note-" + outcome;
    }
}
