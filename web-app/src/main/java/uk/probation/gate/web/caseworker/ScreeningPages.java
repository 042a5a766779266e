package uk.probation.gate.web.caseworker;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
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
import uk.probation.gate.web.forms.FormErrors;
import uk.probation.gate.web.forms.FormFields;
import uk.probation.gate.web.forms.OnceOnly;
import uk.probation.gate.web.forms.Option;
import uk.probation.gate.web.pages.Words;
import uk.probation.gate.web.security.UnfinishedForms;

/**
 * The immediate-needs screening and the pre-release review: forms built from the current version of the stage's
 * screening questions (yes/no, a choice, or text), posted with that version. A question's answer is the field
 * {@code answer-<questionId>}. Also the end-of-service report of one of the case's referrals, as its provider wrote
 * it.
 */
@Controller
@PreAuthorize("hasRole('RESETTLEMENT_CASEWORKER')")
class ScreeningPages {

    static final String IMMEDIATE_NEEDS = "IMMEDIATE_NEEDS";
    static final String PRE_RELEASE = "PRE_RELEASE";

    /** One question as the form shows it: the input's name and its choices. */
    public record Field(ResettlementApi.Question question, String name, String kind, List<Option> options) {
        public String label() {
            return question.text() + (question.required() ? "" : " (optional)");
        }
    }

    private final ResettlementApi resettlement;
    private final ReferralApi referrals;
    private final OnceOnly onceOnly;
    private final Words words;

    ScreeningPages(ResettlementApi resettlement, ReferralApi referrals, OnceOnly onceOnly, Words words) {
        this.resettlement = resettlement;
        this.referrals = referrals;
        this.onceOnly = onceOnly;
        this.words = words;
    }

    @GetMapping("/cases/{caseId}/screening")
    String screeningForm(@PathVariable String caseId, @RequestParam Map<String, String> params,
            HttpServletRequest request, Model model) {
        ResettlementApi.Case found = resettlement.get(caseId);
        if (!found.open() || found.screening() != null) {
            return "redirect:/cases/" + caseId;
        }
        ResettlementApi.Questions questions = resettlement.questions(IMMEDIATE_NEEDS);
        return page(found, IMMEDIATE_NEEDS, questions, UnfinishedForms.restored(request) ? params : Map.of(),
                FormErrors.none(), model);
    }

    @PostMapping("/cases/{caseId}/screening")
    String recordScreening(@PathVariable String caseId, @RequestParam Map<String, String> form, HttpSession session,
            Model model, RedirectAttributes redirect) {
        return submit(caseId, IMMEDIATE_NEEDS, form, session, model, redirect);
    }

    @GetMapping("/cases/{caseId}/pre-release-review")
    String reviewForm(@PathVariable String caseId, @RequestParam Map<String, String> params,
            HttpServletRequest request, Model model) {
        ResettlementApi.Case found = resettlement.get(caseId);
        if (!found.open() || found.preReleaseReview() == null
                || "COMPLETED".equals(found.preReleaseReview().status())) {
            return "redirect:/cases/" + caseId;
        }
        ResettlementApi.Questions questions = resettlement.questions(PRE_RELEASE);
        return page(found, PRE_RELEASE, questions, UnfinishedForms.restored(request) ? params : Map.of(),
                FormErrors.none(), model);
    }

    @PostMapping("/cases/{caseId}/pre-release-review")
    String completeReview(@PathVariable String caseId, @RequestParam Map<String, String> form, HttpSession session,
            Model model, RedirectAttributes redirect) {
        return submit(caseId, PRE_RELEASE, form, session, model, redirect);
    }

    private String submit(String caseId, String stage, Map<String, String> form, HttpSession session, Model model,
            RedirectAttributes redirect) {
        ResettlementApi.Case found = resettlement.get(caseId);
        int version = (int) CaseDetailsPages.parse(form.get("questionsVersion"), 0);
        ResettlementApi.Questions questions = version > 0 ? resettlement.questions(stage, version)
                : resettlement.questions(stage);
        FormErrors errors = FormErrors.none();
        List<ResettlementApi.GivenAnswer> answers = new ArrayList<>();
        for (ResettlementApi.Question q : questions.questions()) {
            String value = form.get(name(q));
            if (value == null || value.isBlank()) {
                if (q.required()) {
                    errors.add(name(q), ("TEXT".equals(q.answerType()) ? "Enter an answer to: " : "Select an answer to: ")
                            + q.text());
                }
            } else {
                answers.add(new ResettlementApi.GivenAnswer(q.id(), value.trim()));
            }
        }
        if (errors.any()) {
            return page(found, stage, questions, form, errors, model);
        }
        ResettlementApi.Answers body = new ResettlementApi.Answers(questions.version(), answers);
        return onceOnly.submit(session, form.get("formToken"), () -> {
            try {
                if (IMMEDIATE_NEEDS.equals(stage)) {
                    resettlement.recordScreening(caseId, body);
                    redirect.addFlashAttribute("success", "Immediate needs screening recorded");
                } else {
                    ResettlementApi.Case done = resettlement.completePreReleaseReview(caseId, body,
                            form.get("formToken"));
                    boolean onTime = done.preReleaseReview() != null
                            && !Boolean.FALSE.equals(done.preReleaseReview().completedOnTime());
                    redirect.addFlashAttribute("success", "Pre-release review completed" + (onTime ? "" : " late"));
                }
                return "redirect:/cases/" + caseId;
            } catch (RecordNotFound notFound) {
                throw notFound;
            } catch (ApiProblem problem) {
                if (problem.isInvalidInput() && problem.errors().stream()
                        .anyMatch(e -> "questionsVersion".equals(e.field()))) {
                    // the questions changed since the page was opened: the new ones, with the answers still fitting
                    ResettlementApi.Questions current = resettlement.questions(stage);
                    return page(found, stage, current, form, FormErrors.none().add(null, "The questions changed "
                            + "after you opened this page (now version " + current.version() + "). Check your "
                            + "answers against them and submit again."), model);
                }
                if (problem.isInvalidInput()) {
                    return page(found, stage, questions, form, FormErrors.from(problem, fields(questions)), model);
                }
                if (problem.isConflict()) {
                    return page(found, stage, questions, form, FormErrors.none().add(null,
                            problem.detail() != null ? problem.detail() : "This case has moved on: "
                                    + "go back to the case to see what is left to do"), model);
                }
                throw problem;
            }
        });
    }

    private String page(ResettlementApi.Case c, String stage, ResettlementApi.Questions questions,
            Map<String, String> form, FormErrors errors, Model model) {
        boolean review = PRE_RELEASE.equals(stage);
        Map<String, String> values = new HashMap<>(form);
        values.put("questionsVersion", String.valueOf(questions.version()));
        model.addAttribute("case", c);
        model.addAttribute("stage", stage);
        model.addAttribute("heading", review ? "Pre-release review" : "Immediate needs screening");
        model.addAttribute("intro", review
                ? "Review what is in place for release, 12 weeks before the expected release date."
                : "Ask about needs that cannot wait, on the person's first days in prison.");
        model.addAttribute("action", "/cases/" + c.id() + (review ? "/pre-release-review" : "/screening"));
        model.addAttribute("button", review ? "Complete the review" : "Record the screening");
        model.addAttribute("questions", questions);
        model.addAttribute("fields", questions.questions().stream().map(this::field).toList());
        model.addAttribute("form", values);
        model.addAttribute("errors", errors);
        model.addAttribute("backLink", "/cases/" + c.id());
        return "caseworker/questions";
    }

    private Field field(ResettlementApi.Question q) {
        String kind = q.answerType() == null ? "TEXT" : q.answerType();
        List<Option> options = switch (kind) {
            case "YES_NO" -> List.of(Option.of("YES", "Yes"), Option.of("NO", "No"));
            case "CHOICE" -> q.options().stream().map(o -> Option.of(o, words.of("answer", o))).toList();
            default -> List.of();
        };
        return new Field(q, name(q), kind, options);
    }

    static String name(ResettlementApi.Question q) {
        return "answer-" + q.id();
    }

    /** The service names a question's answer {@code answers[<questionId>]}. */
    private static FormFields fields(ResettlementApi.Questions questions) {
        FormFields fields = FormFields.of();
        for (ResettlementApi.Question q : questions.questions()) {
            fields.field("answers[" + q.id() + "]", name(q), q.text());
        }
        return fields;
    }

    // a referral's end-of-service report, as the caseworker reads it

    @GetMapping("/cases/{caseId}/referrals/{referralId}/end-of-service-report")
    String endOfServiceReport(@PathVariable String caseId, @PathVariable String referralId, Model model) {
        ResettlementApi.Case found = resettlement.get(caseId);
        ReferralApi.Referral referral = referrals.get(referralId);
        if (!caseId.equals(referral.caseId())) {
            throw new RecordNotFound("referral " + referralId + " is not of case " + caseId);
        }
        model.addAttribute("case", found);
        model.addAttribute("referral", referral);
        model.addAttribute("report", referrals.endOfServiceReport(referralId));
        model.addAttribute("backLink", "/cases/" + caseId);
        return "caseworker/end-of-service-report";
    }
}
