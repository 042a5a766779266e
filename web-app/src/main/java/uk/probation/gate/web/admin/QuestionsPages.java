package uk.probation.gate.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.Arrays;
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
import uk.probation.gate.web.api.ResettlementApi;
import uk.probation.gate.web.forms.FormErrors;
import uk.probation.gate.web.forms.FormFields;
import uk.probation.gate.web.forms.OnceOnly;
import uk.probation.gate.web.forms.Option;
import uk.probation.gate.web.pages.Words;
import uk.probation.gate.web.security.UnfinishedForms;

/**
 * The screening questions of each stage (immediate needs, pre-release) as versioned data: the current version, past
 * versions read-only, and publishing a new version by changing the questions' text, removing questions or adding
 * one. Answers already given keep the wording of the version they answered.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class QuestionsPages {

    /** A stage as its address names it. */
    enum Stage {
        IMMEDIATE_NEEDS("immediate-needs", "Immediate needs screening"),
        PRE_RELEASE("pre-release", "Pre-release review");

        final String slug;
        final String label;

        Stage(String slug, String label) {
            this.slug = slug;
            this.label = label;
        }

        static Stage of(String slug) {
            return Arrays.stream(values()).filter(s -> s.slug.equals(slug)).findFirst()
                    .orElseThrow(() -> new RecordNotFound("no stage " + slug));
        }

        public String slug() {
            return slug;
        }

        public String label() {
            return label;
        }
    }

    /** A stage's current version on the overview. */
    public record Current(Stage stage, ResettlementApi.Questions questions) {
    }

    static final List<String> PATHWAYS = List.of("ACCOMMODATION", "EDUCATION_SKILLS_AND_WORK", "FINANCE_AND_ID",
            "DRUGS_AND_ALCOHOL", "HEALTH", "CHILDREN_FAMILIES_AND_COMMUNITY", "ATTITUDES_THINKING_AND_BEHAVIOUR",
            "ABUSE_VICTIM_SUPPORT");
    static final List<String> ANSWER_TYPES = List.of("YES_NO", "CHOICE", "TEXT");

    private final ResettlementApi resettlement;
    private final OnceOnly onceOnly;
    private final Words words;

    QuestionsPages(ResettlementApi resettlement, OnceOnly onceOnly, Words words) {
        this.resettlement = resettlement;
        this.onceOnly = onceOnly;
        this.words = words;
    }

    @GetMapping("/admin/screening-questions")
    String overview(Model model) {
        model.addAttribute("stages", Arrays.stream(Stage.values())
                .map(s -> new Current(s, resettlement.questions(s.name()))).toList());
        return "admin/questions";
    }

    @GetMapping("/admin/screening-questions/{stage}/versions/{version}")
    String version(@PathVariable String stage, @PathVariable int version, Model model) {
        Stage s = Stage.of(stage);
        ResettlementApi.Questions current = resettlement.questions(s.name());
        model.addAttribute("stage", s);
        model.addAttribute("questions", resettlement.questions(s.name(), version));
        model.addAttribute("current", current.version() == version);
        model.addAttribute("backLink", "/admin/screening-questions");
        return "admin/questions-version";
    }

    @GetMapping("/admin/screening-questions/{stage}/new-version")
    String editForm(@PathVariable String stage, @RequestParam Map<String, String> params, HttpServletRequest request,
            Model model) {
        Stage s = Stage.of(stage);
        ResettlementApi.Questions current = resettlement.questions(s.name());
        Map<String, String> form = new HashMap<>();
        if (UnfinishedForms.restored(request)) {
            form.putAll(params);
        } else {
            for (int i = 0; i < current.questions().size(); i++) {
                form.put("text-" + i, current.questions().get(i).text());
            }
            form.put("new-required", "true");
        }
        return editPage(s, current, form, FormErrors.none(), model);
    }

    @PostMapping("/admin/screening-questions/{stage}/new-version")
    String publish(@PathVariable String stage, @RequestParam Map<String, String> form, HttpSession session,
            Model model, RedirectAttributes redirect) {
        Stage s = Stage.of(stage);
        ResettlementApi.Questions current = resettlement.questions(s.name());
        FormErrors errors = FormErrors.none();
        List<ResettlementApi.Question> questions = new ArrayList<>();
        FormFields fields = FormFields.of();
        for (int i = 0; i < current.questions().size(); i++) {
            if ("true".equals(form.get("remove-" + i))) {
                continue;
            }
            ResettlementApi.Question q = current.questions().get(i);
            String text = trim(form.get("text-" + i));
            if (text.isEmpty()) {
                errors.add("text-" + i, "Enter the text of question " + (i + 1));
            }
            fields.field("questions[" + questions.size() + "].text", "text-" + i, "Question " + (i + 1));
            fields.field("questions[" + questions.size() + "]", "text-" + i, "Question " + (i + 1));
            questions.add(new ResettlementApi.Question(q.id(), q.pathway(), text, q.answerType(), q.options(),
                    q.required()));
        }
        boolean adding = !trim(form.get("new-id")).isEmpty() || !trim(form.get("new-text")).isEmpty();
        if (adding) {
            String id = trim(form.get("new-id"));
            String type = trim(form.get("new-answerType"));
            List<String> options = Arrays.stream(trim(form.get("new-options")).split("\\R")).map(String::trim)
                    .filter(o -> !o.isEmpty()).toList();
            if (id.isEmpty()) {
                errors.add("new-id", "Enter an id for the new question");
            }
            if (trim(form.get("new-text")).isEmpty()) {
                errors.add("new-text", "Enter the text of the new question");
            }
            if (!PATHWAYS.contains(String.valueOf(form.get("new-pathway")))) {
                errors.add("new-pathway", "Select the pathway of the new question");
            }
            if (!ANSWER_TYPES.contains(type)) {
                errors.add("new-answerType", "Select how the new question is answered");
            } else if ("CHOICE".equals(type) && options.isEmpty()) {
                errors.add("new-options", "Enter the choices, one on each line");
            }
            String prefix = "questions[" + questions.size() + "]";
            fields.field(prefix + ".id", "new-id", "Id").field(prefix + ".text", "new-text", "Question")
                    .field(prefix + ".pathway", "new-pathway", "Pathway")
                    .field(prefix + ".answerType", "new-answerType", "Answer type")
                    .field(prefix + ".options", "new-options", "Choices").field(prefix, "new-text", "New question");
            questions.add(new ResettlementApi.Question(id, form.get("new-pathway"), trim(form.get("new-text")),
                    type, "CHOICE".equals(type) ? options : List.of(), !"false".equals(form.get("new-required"))));
        }
        if (questions.isEmpty()) {
            errors.add(null, "Keep or add at least one question");
        }
        if (errors.any()) {
            return editPage(s, current, form, errors, model);
        }
        return onceOnly.submit(session, form.get("formToken"), () -> {
            try {
                ResettlementApi.Questions published = resettlement.publishQuestions(s.name(), questions);
                redirect.addFlashAttribute("success", "Version " + published.version() + " of the "
                        + s.label.toLowerCase(java.util.Locale.UK) + " questions published");
                redirect.addFlashAttribute("successDetail", "Answers already given keep the wording of the version "
                        + "they answered.");
                return "redirect:/admin/screening-questions";
            } catch (ApiProblem problem) {
                if (problem.isInvalidInput()) {
                    return editPage(s, current, form, FormErrors.from(problem, fields), model);
                }
                throw problem;
            }
        });
    }

    private String editPage(Stage stage, ResettlementApi.Questions current, Map<String, String> form,
            FormErrors errors, Model model) {
        model.addAttribute("stage", stage);
        model.addAttribute("questions", current);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        List<Option> pathways = new ArrayList<>(List.of(Option.of("", "Select a pathway")));
        PATHWAYS.forEach(p -> pathways.add(Option.of(p, words.of("pathway", p))));
        model.addAttribute("pathways", pathways);
        model.addAttribute("answerTypes", ANSWER_TYPES.stream().map(t -> Option.of(t, words.of("answerType", t)))
                .toList());
        model.addAttribute("requiredOptions", List.of(Option.of("true", "Yes"), Option.of("false", "No")));
        model.addAttribute("backLink", "/admin/screening-questions");
        return "admin/questions-edit";
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }
}
