package uk.probation.gate.web.provider;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;
import uk.probation.gate.web.api.ApiProblem;
import uk.probation.gate.web.api.Page;
import uk.probation.gate.web.api.RecordNotFound;
import uk.probation.gate.web.forms.CheckAnswers;
import uk.probation.gate.web.forms.FormErrors;
import uk.probation.gate.web.forms.FormFields;
import uk.probation.gate.web.forms.OnceOnly;
import uk.probation.gate.web.forms.Option;
import uk.probation.gate.web.pages.Pagination;

/**
 * A provider's referrals team: the inbox of its own referrals (new, in progress, closed; overdue first), one
 * referral, and each step (accept, decline with a reason, start, record the outcome) through check your answers.
 * referral-service answers 404 for another provider's referral, shown as Page not found.
 */
@Controller
@PreAuthorize("hasRole('PROVIDER')")
class ProviderPages {

    static final int PAGE_SIZE = 20;

    /** The inbox's tabs and the statuses each shows. */
    enum Tab {
        NEW("new", "New", List.of("SENT")),
        IN_PROGRESS("in-progress", "In progress", List.of("ACCEPTED", "IN_PROGRESS")),
        CLOSED("closed", "Closed", List.of("OUTCOME_RECORDED", "CLOSED"));

        final String slug;
        final String label;
        final List<String> statuses;

        Tab(String slug, String label, List<String> statuses) {
            this.slug = slug;
            this.label = label;
            this.statuses = statuses;
        }

        static Tab of(String slug) {
            for (Tab tab : values()) {
                if (tab.slug.equals(slug)) {
                    return tab;
                }
            }
            return NEW;
        }
    }

    public record TabLink(String label, String href, long count, boolean current) {
    }

    /** Reasons a provider declines: codes referral-service records as they are. */
    static final List<String> DECLINE_REASONS = List.of("NO_CAPACITY", "NOT_ELIGIBLE", "OUT_OF_AREA",
            "RISK_TOO_HIGH", "PERSON_DECLINED");

    private static final Map<String, List<String>> OUTCOMES = Map.of(
            "ACCOMMODATION", List.of("SETTLED_ACCOMMODATION_SECURED", "TEMPORARY_ACCOMMODATION_SECURED",
                    "NOT_SECURED"),
            "EDUCATION_SKILLS_AND_WORK", List.of("EMPLOYMENT_SECURED", "TRAINING_OR_EDUCATION_SECURED",
                    "NOT_SECURED"));
    private static final List<String> GENERAL_OUTCOMES = List.of("ACHIEVED", "PARTIALLY_ACHIEVED", "NOT_ACHIEVED");

    private static final Set<String> CAN_DECIDE = Set.of("SENT");
    private static final Set<String> CAN_START = Set.of("ACCEPTED");
    private static final Set<String> CAN_RECORD_OUTCOME = Set.of("ACCEPTED", "IN_PROGRESS");

    private final ProviderReferrals referrals;
    private final OnceOnly onceOnly;
    private final MessageSource messages;

    ProviderPages(ProviderReferrals referrals, OnceOnly onceOnly, MessageSource messages) {
        this.referrals = referrals;
        this.onceOnly = onceOnly;
        this.messages = messages;
    }

    @GetMapping("/referrals")
    String inbox(@RequestParam(defaultValue = "new") String tab, @RequestParam(defaultValue = "1") int page,
            HttpServletRequest request, Model model) {
        Tab current = Tab.of(tab);
        // what is waiting is ordered by when it is due; what is closed, newest first
        Page<ProviderReferrals.Referral> found = current == Tab.CLOSED
                ? referrals.newest(current.statuses, Math.max(0, page - 1), PAGE_SIZE)
                : referrals.inbox(current.statuses, Math.max(0, page - 1), PAGE_SIZE);
        List<TabLink> tabs = java.util.Arrays.stream(Tab.values()).map(t -> new TabLink(t.label,
                "/referrals?tab=" + t.slug, t == current ? found.total() : referrals.total(t.statuses),
                t == current)).toList();
        UriComponentsBuilder here = ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("continue");
        model.addAttribute("tab", current.slug);
        model.addAttribute("tabLabel", current.label);
        model.addAttribute("tabs", tabs);
        model.addAttribute("referrals", found);
        model.addAttribute("pages", Pagination.of(found, here));
        return "provider/inbox";
    }

    @GetMapping("/referrals/{id}")
    String referral(@PathVariable String id, Model model) {
        ProviderReferrals.Referral referral = referrals.get(id);
        model.addAttribute("referral", referral);
        model.addAttribute("canDecide", oneOf(CAN_DECIDE, referral.status()));
        model.addAttribute("canStart", oneOf(CAN_START, referral.status()));
        model.addAttribute("canRecordOutcome", oneOf(CAN_RECORD_OUTCOME, referral.status()));
        model.addAttribute("canClose", "OUTCOME_RECORDED".equals(referral.status()));
        uk.probation.gate.web.api.ReferralApi.EndOfServiceReport report = null;
        if (referral.withReport()) {
            try {
                report = referrals.endOfServiceReport(id);
            } catch (RecordNotFound none) {
                report = null;
            }
        }
        model.addAttribute("report", report);
        model.addAttribute("backLink", "/referrals?tab=" + tabOf(referral.status()).slug);
        return "provider/referral";
    }

    // accept: check your answers, then accept

    @GetMapping("/referrals/{id}/accept")
    String acceptCheck(@PathVariable String id, Model model) {
        ProviderReferrals.Referral referral = referrals.get(id);
        if (!oneOf(CAN_DECIDE, referral.status())) {
            return "redirect:/referrals/" + id;
        }
        return check(referral, "accept", "Check before you accept this referral",
                "Accepting tells the caseworker and the responsible officer that you will support this person.",
                "Accept referral", new CheckAnswers(), FormErrors.none(), model);
    }

    @PostMapping("/referrals/{id}/accept")
    String accept(@PathVariable String id, @RequestParam Map<String, String> form, HttpSession session,
            Model model, RedirectAttributes redirect) {
        return onceOnly.submit(session, form.get("formToken"), () -> act(id, model, () -> {
            referrals.accept(id, form.get("formToken"));
            redirect.addFlashAttribute("success", "Referral accepted");
            redirect.addFlashAttribute("successDetail", "Start the work when you first meet the person.");
            return "redirect:/referrals/" + id;
        }, "accept", "Check before you accept this referral", null, "Accept referral", new CheckAnswers()));
    }

    // decline: the reason, check your answers, then decline

    @GetMapping("/referrals/{id}/decline")
    String declineReason(@PathVariable String id, @RequestParam(required = false) String reason, Model model) {
        ProviderReferrals.Referral referral = referrals.get(id);
        if (!oneOf(CAN_DECIDE, referral.status())) {
            return "redirect:/referrals/" + id;
        }
        return reasonForm(referral, Map.of("reason", reason == null ? "" : reason), FormErrors.none(), model);
    }

    @PostMapping("/referrals/{id}/decline")
    String declineReasonGiven(@PathVariable String id, @RequestParam Map<String, String> form, Model model) {
        if (!oneOf(DECLINE_REASONS, form.get("reason"))) {
            return reasonForm(referrals.get(id), form,
                    FormErrors.none().add("reason", "Select why you are declining this referral"), model);
        }
        return "redirect:/referrals/" + id + "/decline/check?reason=" + form.get("reason");
    }

    @GetMapping("/referrals/{id}/decline/check")
    String declineCheck(@PathVariable String id, @RequestParam(required = false) String reason, Model model) {
        ProviderReferrals.Referral referral = referrals.get(id);
        if (!oneOf(CAN_DECIDE, referral.status())) {
            return "redirect:/referrals/" + id;
        }
        if (!oneOf(DECLINE_REASONS, reason)) {
            return "redirect:/referrals/" + id + "/decline";
        }
        return check(referral, "decline", "Check before you decline this referral",
                "Declining passes the referral to the next provider for this need. You will no longer see it.",
                "Decline referral", declineAnswers(id, reason), FormErrors.none(), model, Map.of("reason", reason));
    }

    @PostMapping("/referrals/{id}/decline/check")
    String decline(@PathVariable String id, @RequestParam Map<String, String> form, HttpSession session, Model model,
            RedirectAttributes redirect) {
        String reason = form.get("reason");
        if (!oneOf(DECLINE_REASONS, reason)) {
            return "redirect:/referrals/" + id + "/decline";
        }
        return onceOnly.submit(session, form.get("formToken"), () -> act(id, model, () -> {
            ProviderReferrals.Referral referral = referrals.get(id);
            referrals.decline(id, reason, form.get("formToken"));
            redirect.addFlashAttribute("success", "Referral for " + referral.person() + " declined");
            redirect.addFlashAttribute("successDetail", "It has been passed to the next provider for "
                    + label("need." + referral.need()).toLowerCase(Locale.UK) + ".");
            return "redirect:/referrals?tab=new";
        }, "decline", "Check before you decline this referral", reason, "Decline referral",
                declineAnswers(id, reason)));
    }

    // start: check your answers, then start

    @GetMapping("/referrals/{id}/start")
    String startCheck(@PathVariable String id, Model model) {
        ProviderReferrals.Referral referral = referrals.get(id);
        if (!oneOf(CAN_START, referral.status())) {
            return "redirect:/referrals/" + id;
        }
        return check(referral, "start", "Check before you start the work",
                "Starting records that you are now working with this person.", "Start work", new CheckAnswers(),
                FormErrors.none(), model);
    }

    @PostMapping("/referrals/{id}/start")
    String start(@PathVariable String id, @RequestParam Map<String, String> form, HttpSession session, Model model,
            RedirectAttributes redirect) {
        return onceOnly.submit(session, form.get("formToken"), () -> act(id, model, () -> {
            referrals.start(id, form.get("formToken"));
            redirect.addFlashAttribute("success", "Work started");
            redirect.addFlashAttribute("successDetail", "Record the outcome when the work is finished.");
            return "redirect:/referrals/" + id;
        }, "start", "Check before you start the work", null, "Start work", new CheckAnswers()));
    }

    // outcome: choose from the outcomes valid for the need, check your answers, then record

    @GetMapping("/referrals/{id}/outcome")
    String outcomeForm(@PathVariable String id, @RequestParam(required = false) String outcome, Model model) {
        ProviderReferrals.Referral referral = referrals.get(id);
        if (!oneOf(CAN_RECORD_OUTCOME, referral.status())) {
            return "redirect:/referrals/" + id;
        }
        return outcomeForm(referral, Map.of("outcome", outcome == null ? "" : outcome), FormErrors.none(), model);
    }

    @PostMapping("/referrals/{id}/outcome")
    String outcomeChosen(@PathVariable String id, @RequestParam Map<String, String> form, Model model) {
        ProviderReferrals.Referral referral = referrals.get(id);
        if (!oneOf(outcomesFor(referral.need()), form.get("outcome"))) {
            return outcomeForm(referral, form, FormErrors.none().add("outcome", "Select the outcome"), model);
        }
        return "redirect:/referrals/" + id + "/outcome/check?outcome=" + form.get("outcome");
    }

    @GetMapping("/referrals/{id}/outcome/check")
    String outcomeCheck(@PathVariable String id, @RequestParam(required = false) String outcome, Model model) {
        ProviderReferrals.Referral referral = referrals.get(id);
        if (!oneOf(CAN_RECORD_OUTCOME, referral.status())) {
            return "redirect:/referrals/" + id;
        }
        if (!oneOf(outcomesFor(referral.need()), outcome)) {
            return "redirect:/referrals/" + id + "/outcome";
        }
        return check(referral, "outcome", "Check the outcome before you record it",
                "The outcome is shared with the caseworker and counts in the figures for this need.",
                "Record outcome", outcomeAnswers(id, outcome), FormErrors.none(), model, Map.of("outcome", outcome));
    }

    @PostMapping("/referrals/{id}/outcome/check")
    String recordOutcome(@PathVariable String id, @RequestParam Map<String, String> form, HttpSession session,
            Model model, RedirectAttributes redirect) {
        String outcome = form.get("outcome");
        return onceOnly.submit(session, form.get("formToken"), () -> act(id, model, () -> {
            referrals.recordOutcome(id, outcome == null ? "" : outcome, form.get("formToken"));
            redirect.addFlashAttribute("success", "Outcome recorded: " + label("referralOutcome." + outcome));
            return "redirect:/referrals/" + id;
        }, "outcome", "Check the outcome before you record it", outcome, "Record outcome",
                outcomeAnswers(id, outcome)));
    }

    /**
     * Runs a step; a refusal is shown on its check page (422 at the field, or the referral has moved on), an
     * out-of-reach referral is Page not found.
     */
    private String act(String id, Model model, java.util.function.Supplier<String> step, String action,
            String heading, String value, String button, CheckAnswers answers) {
        try {
            return step.get();
        } catch (RecordNotFound notFound) {
            throw notFound;
        } catch (ApiProblem problem) {
            if (problem.isInvalidInput() || problem.isConflict()) {
                FormErrors errors = problem.isConflict()
                        ? FormErrors.none().add(null, "This referral has changed since you opened it: it is now "
                                + label("referralStatus." + referrals.get(id).status()).toLowerCase(Locale.UK)
                                + ". Go back to the referral to see what you can do next.")
                        : FormErrors.from(problem, FormFields.of().field("outcome", "Outcome")
                                .field("reason", "Reason"));
                ProviderReferrals.Referral referral = referrals.get(id);
                return check(referral, action, heading, null, button, answers, errors, model,
                        value == null ? Map.of() : Map.of(action.equals("decline") ? "reason" : "outcome", value));
            }
            throw problem;
        }
    }

    private String check(ProviderReferrals.Referral referral, String action, String heading, String explanation,
            String button, CheckAnswers answers, FormErrors errors, Model model) {
        return check(referral, action, heading, explanation, button, answers, errors, model, Map.of());
    }

    private String check(ProviderReferrals.Referral referral, String action, String heading, String explanation,
            String button, CheckAnswers answers, FormErrors errors, Model model, Map<String, String> hidden) {
        model.addAttribute("referral", referral);
        model.addAttribute("heading", heading);
        model.addAttribute("explanation", explanation);
        model.addAttribute("button", button);
        model.addAttribute("answers", answers);
        model.addAttribute("errors", errors);
        model.addAttribute("hidden", hidden);
        model.addAttribute("action", "/referrals/" + referral.id() + switch (action) {
            case "decline" -> "/decline/check";
            case "outcome" -> "/outcome/check";
            default -> "/" + action;
        });
        model.addAttribute("backLink", switch (action) {
            case "decline" -> "/referrals/" + referral.id() + "/decline?reason=" + hidden.getOrDefault("reason", "");
            case "outcome" -> "/referrals/" + referral.id() + "/outcome?outcome=" + hidden.getOrDefault("outcome", "");
            default -> "/referrals/" + referral.id();
        });
        return "provider/check";
    }

    private String reasonForm(ProviderReferrals.Referral referral, Map<String, String> form, FormErrors errors,
            Model model) {
        model.addAttribute("referral", referral);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("reasons", DECLINE_REASONS.stream()
                .map(r -> new Option(r, label("declineReason." + r), hint("declineReasonHint." + r))).toList());
        model.addAttribute("backLink", "/referrals/" + referral.id());
        return "provider/decline";
    }

    private String outcomeForm(ProviderReferrals.Referral referral, Map<String, String> form, FormErrors errors,
            Model model) {
        model.addAttribute("referral", referral);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("outcomes", outcomesFor(referral.need()).stream()
                .map(o -> Option.of(o, label("referralOutcome." + o))).toList());
        model.addAttribute("backLink", "/referrals/" + referral.id());
        return "provider/outcome";
    }

    private CheckAnswers declineAnswers(String id, String reason) {
        return new CheckAnswers().row("Reason", label("declineReason." + reason),
                "/referrals/" + id + "/decline?reason=" + reason);
    }

    private CheckAnswers outcomeAnswers(String id, String outcome) {
        return new CheckAnswers().row("Outcome", label("referralOutcome." + outcome),
                "/referrals/" + id + "/outcome?outcome=" + outcome);
    }

    static List<String> outcomesFor(String need) {
        return OUTCOMES.getOrDefault(need, GENERAL_OUTCOMES);
    }

    /** Null-safe: an immutable list's contains(null) throws. */
    private static boolean oneOf(java.util.Collection<String> choices, String value) {
        return value != null && choices.contains(value);
    }

    static Tab tabOf(String status) {
        for (Tab tab : Tab.values()) {
            if (status != null && tab.statuses.contains(status)) {
                return tab;
            }
        }
        return Tab.NEW;
    }

    private String label(String code) {
        return messages.getMessage(code, null, code, Locale.UK);
    }

    private String hint(String code) {
        return messages.getMessage(code, null, null, Locale.UK);
    }
}
