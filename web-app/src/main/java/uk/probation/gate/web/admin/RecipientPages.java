package uk.probation.gate.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import uk.probation.gate.web.api.ApiProblem;
import uk.probation.gate.web.api.Page;
import uk.probation.gate.web.api.RecordNotFound;
import uk.probation.gate.web.forms.FormErrors;
import uk.probation.gate.web.forms.OnceOnly;
import uk.probation.gate.web.forms.Option;
import uk.probation.gate.web.pages.Pagination;
import uk.probation.gate.web.security.UnfinishedForms;

/**
 * The recipient directory: who is told (responsible officers, providers, people on probation, volunteer services),
 * at which address, in which language, and when not to. notifications-service checks every field (422 at the field).
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class RecipientPages {

    static final int PAGE_SIZE = 20;
    static final List<String> KINDS = List.of("RESPONSIBLE_OFFICER", "PROVIDER", "PERSON", "VOLUNTEER_SERVICE");
    static final Map<String, String> LABELS = Map.of("code", "Code", "kind", "Kind", "email", "Email address",
            "language", "Language", "quietHours", "Quiet hours");
    /** Clearer words for notifications-service's terse messages, by field. */
    private static final Map<String, String> MESSAGES = Map.of(
            "code", "Code must be letters, digits, hyphens or underscores, at most 40",
            "kind", "Select the kind of recipient",
            "email", "Enter an email address in the correct format, like name@example.com",
            "language", "Language must be a 2 or 3 letter code, like en or cy",
            "quietHours", "Quiet hours must be a start and a different end, like 21:00-08:00");

    private final AdminApi api;
    private final OnceOnly onceOnly;
    private final MessageSource messages;

    RecipientPages(AdminApi api, OnceOnly onceOnly, MessageSource messages) {
        this.api = api;
        this.onceOnly = onceOnly;
        this.messages = messages;
    }

    @GetMapping("/admin/recipients")
    String list(@RequestParam(required = false) String kind, @RequestParam(defaultValue = "1") int page,
            HttpServletRequest request, Model model) {
        String filter = kind != null && KINDS.contains(kind) ? kind : null;
        Page<AdminApi.Recipient> found = api.recipients(filter, Math.max(0, page - 1), PAGE_SIZE);
        model.addAttribute("recipients", found);
        model.addAttribute("pages", Pagination.of(found,
                ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("continue")));
        model.addAttribute("kind", filter);
        model.addAttribute("kinds", kinds());
        return "admin/recipients";
    }

    @GetMapping("/admin/recipients/new")
    String add(@RequestParam Map<String, String> params, HttpServletRequest request, Model model) {
        return form(null, UnfinishedForms.restored(request) ? new HashMap<>(params)
                : new HashMap<>(Map.of("language", "en")), FormErrors.none(), model);
    }

    @PostMapping("/admin/recipients/new")
    String create(@RequestParam Map<String, String> form, HttpSession session, Model model,
            RedirectAttributes redirect) {
        String code = form.get("code") == null ? "" : form.get("code").trim();
        if (code.isEmpty()) {
            return form(null, form, FormErrors.none().add("code", "Enter the recipient's code"), model);
        }
        try {
            api.recipient(code);
            return form(null, form, FormErrors.none().add("code", "A recipient with the code " + code
                    + " is already in the directory: change that one instead"), model);
        } catch (RecordNotFound notThereYet) {
            // as it should be
        }
        return onceOnly.submit(session, form.get("formToken"), () -> save(null, code, form, model, redirect,
                "Recipient " + code + " added"));
    }

    @GetMapping("/admin/recipients/{code}")
    String view(@PathVariable String code, Model model) {
        AdminApi.Recipient recipient = api.recipient(code);
        model.addAttribute("recipient", recipient);
        model.addAttribute("lastChanged", When.of(recipient.updatedAt()));
        model.addAttribute("backLink", "/admin/recipients");
        return "admin/recipient";
    }

    @GetMapping("/admin/recipients/{code}/edit")
    String edit(@PathVariable String code, @RequestParam Map<String, String> params, HttpServletRequest request,
            Model model) {
        AdminApi.Recipient recipient = api.recipient(code);
        if (UnfinishedForms.restored(request)) {
            return form(code, new HashMap<>(params), FormErrors.none(), model);
        }
        Map<String, String> form = new HashMap<>();
        form.put("kind", recipient.kind());
        form.put("email", recipient.email());
        form.put("language", recipient.language());
        form.put("quietHours", recipient.quietHours());
        return form(code, form, FormErrors.none(), model);
    }

    @PostMapping("/admin/recipients/{code}/edit")
    String change(@PathVariable String code, @RequestParam Map<String, String> form, HttpSession session,
            Model model, RedirectAttributes redirect) {
        api.recipient(code);
        return onceOnly.submit(session, form.get("formToken"), () -> save(code, code, form, model, redirect,
                "Recipient " + code + " changed"));
    }

    private String save(String existing, String code, Map<String, String> form, Model model,
            RedirectAttributes redirect, String success) {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("kind", blankToNull(form.get("kind")));
        entry.put("email", blankToNull(form.get("email")));
        entry.put("language", blankToNull(form.get("language")));
        entry.put("quietHours", blankToNull(form.get("quietHours")));
        try {
            api.putRecipient(code, entry);
            redirect.addFlashAttribute("success", success);
            return "redirect:/admin/recipients/" + code;
        } catch (RecordNotFound notFound) {
            throw notFound;
        } catch (ApiProblem problem) {
            if (problem.isInvalidInput()) {
                FormErrors errors = FormErrors.none();
                AdminErrors.of(problem, LABELS).items().forEach(item -> errors.add(item.field(),
                        item.field() != null && MESSAGES.containsKey(item.field()) ? MESSAGES.get(item.field())
                                : item.message()));
                return form(existing, form, errors, model);
            }
            throw problem;
        }
    }

    private String form(String code, Map<String, String> form, FormErrors errors, Model model) {
        model.addAttribute("code", code);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", kinds());
        model.addAttribute("backLink", code == null ? "/admin/recipients" : "/admin/recipients/" + code);
        return "admin/recipient-form";
    }

    private List<Option> kinds() {
        return KINDS.stream().map(k -> Option.of(k, messages.getMessage("recipientKind." + k, null, k, Locale.UK)))
                .toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
