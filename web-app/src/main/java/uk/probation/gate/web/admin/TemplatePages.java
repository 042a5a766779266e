package uk.probation.gate.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.HashMap;
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
import uk.probation.gate.web.forms.FormErrors;
import uk.probation.gate.web.forms.OnceOnly;
import uk.probation.gate.web.security.UnfinishedForms;

/**
 * The message templates, one per event type, audience and language: the list, and one template's subject and body
 * with a preview that marks its placeholders. notifications-service refuses a placeholder the event cannot fill
 * (422 at the subject or body).
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class TemplatePages {

    static final Map<String, String> LABELS = Map.of("subject", "Subject", "body", "Message");

    private final AdminApi api;
    private final OnceOnly onceOnly;

    TemplatePages(AdminApi api, OnceOnly onceOnly) {
        this.api = api;
        this.onceOnly = onceOnly;
    }

    @GetMapping("/admin/templates")
    String list(Model model) {
        model.addAttribute("templates", api.templates());
        return "admin/templates";
    }

    @GetMapping("/admin/templates/{id}")
    String edit(@PathVariable String id, @RequestParam Map<String, String> params, HttpServletRequest request,
            Model model) {
        AdminApi.Template template = api.template(id);
        boolean restored = UnfinishedForms.restored(request);
        Map<String, String> form = new HashMap<>();
        form.put("subject", restored ? params.get("subject") : template.subject());
        form.put("body", restored ? params.get("body") : template.body());
        return form(template, form, FormErrors.none(), restored, model);
    }

    /** "Preview" shows the typed text with its placeholders marked, without saving; "Save" saves it. */
    @PostMapping("/admin/templates/{id}")
    String save(@PathVariable String id, @RequestParam Map<String, String> form,
            @RequestParam(defaultValue = "save") String action, HttpSession session, Model model,
            RedirectAttributes redirect) {
        AdminApi.Template template = api.template(id);
        if ("preview".equals(action)) {
            return form(template, form, FormErrors.none(), true, model);
        }
        return onceOnly.submit(session, form.get("formToken"), () -> {
            try {
                api.putTemplate(id, form.getOrDefault("subject", ""), form.getOrDefault("body", ""));
                redirect.addFlashAttribute("success", "Template " + id + " saved");
                redirect.addFlashAttribute("successDetail", "Messages sent from now on use the new text.");
                return "redirect:/admin/templates";
            } catch (RecordNotFound notFound) {
                throw notFound;
            } catch (ApiProblem problem) {
                if (problem.isInvalidInput()) {
                    return form(template, form, AdminErrors.of(problem, LABELS), true, model);
                }
                throw problem;
            }
        });
    }

    private String form(AdminApi.Template template, Map<String, String> form, FormErrors errors, boolean typed,
            Model model) {
        model.addAttribute("template", template);
        model.addAttribute("lastChanged", When.of(template.updatedAt()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        model.addAttribute("preview", TemplatePreview.of(form.get("subject"), form.get("body")));
        model.addAttribute("backLink", "/admin/templates");
        return "admin/template";
    }
}
