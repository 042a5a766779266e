package uk.probation.gate.web.caseworker;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
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
import uk.probation.gate.web.api.ApiProblem;
import uk.probation.gate.web.api.RecordNotFound;
import uk.probation.gate.web.api.ResettlementApi;
import uk.probation.gate.web.forms.CheckAnswers;
import uk.probation.gate.web.forms.FormErrors;
import uk.probation.gate.web.forms.FormFields;
import uk.probation.gate.web.forms.OnceOnly;
import uk.probation.gate.web.forms.Option;
import uk.probation.gate.web.security.UnfinishedForms;

/**
 * The plan as a GOV.UK task list: a short page per pathway (status and note) and one for the risk of harm summary,
 * then check your answers and complete. Every save sends the version the page showed as If-Match: when a colleague
 * saved first, the page says who and when, shows their version, and keeps what this person typed.
 */
@Controller
@PreAuthorize("hasRole('RESETTLEMENT_CASEWORKER')")
class PlanPages {

    private static final List<String> STATUSES = List.of("SUPPORT_REQUIRED", "SUPPORT_NOT_REQUIRED",
            "SUPPORT_DECLINED", "IN_PROGRESS", "DONE");
    private static final FormFields PLAN_FIELDS = FormFields.of()
            .field("needs", "status", "Status")
            .field("riskOfHarmSummary", "Risk of harm summary");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("h:mma 'on' d MMMM yyyy", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    private final ResettlementApi resettlement;
    private final OnceOnly onceOnly;
    private final MessageSource messages;

    PlanPages(ResettlementApi resettlement, OnceOnly onceOnly, MessageSource messages) {
        this.resettlement = resettlement;
        this.onceOnly = onceOnly;
        this.messages = messages;
    }

    @GetMapping("/cases/{caseId}/plan")
    String taskList(@PathVariable String caseId, Model model) {
        ResettlementApi.Case found = resettlement.get(caseId);
        PlanTasks tasks = PlanTasks.of(found);
        model.addAttribute("case", found);
        model.addAttribute("tasks", tasks);
        model.addAttribute("notDone", tasks.notDone().stream().map(t -> label(t.key())).toList());
        model.addAttribute("lastSaved", found.plan() == null || found.plan().updatedAt() == null ? null
                : when(found.plan().updatedAt()));
        model.addAttribute("backLink", "/cases/" + caseId);
        return "caseworker/plan";
    }

    @GetMapping("/cases/{caseId}/plan/{task}")
    String taskPage(@PathVariable String caseId, @PathVariable String task, @RequestParam Map<String, String> params,
            HttpServletRequest request, Model model) {
        ResettlementApi.Case found = resettlement.get(caseId);
        String key = taskKey(task, found);
        Map<String, String> form = new HashMap<>();
        if (UnfinishedForms.restored(request)) {
            form.putAll(params);
        } else {
            form.putAll(saved(found, key));
            form.put("version", String.valueOf(found.version()));
        }
        return taskForm(found, key, form, FormErrors.none(), null, model);
    }

    @PostMapping("/cases/{caseId}/plan/{task}")
    String saveTask(@PathVariable String caseId, @PathVariable String task, @RequestParam Map<String, String> form,
            HttpSession session, Model model, RedirectAttributes redirect) {
        ResettlementApi.Case latest = resettlement.get(caseId);
        String key = taskKey(task, latest);
        boolean riskOfHarm = PlanTasks.RISK_OF_HARM.equals(key);
        FormErrors errors = FormErrors.none();
        if (riskOfHarm && CasePages.blank(form.get("riskOfHarmSummary"))) {
            errors.add("riskOfHarmSummary", "Enter the risk of harm summary");
        }
        if (!riskOfHarm && !STATUSES.contains(form.get("status"))) {
            errors.add("status", "Select the status of " + label(key).toLowerCase(Locale.UK));
        }
        if (errors.any()) {
            return taskForm(latest, key, form, errors, null, model);
        }
        long seenVersion = parseVersion(form.get("version"), latest.version());
        return onceOnly.submit(session, form.get("formToken"), () -> {
            try {
                resettlement.savePlan(caseId, seenVersion, merged(latest, key, form));
                redirect.addFlashAttribute("success", label(key) + " saved");
                return "redirect:/cases/" + caseId + "/plan";
            } catch (RecordNotFound notFound) {
                throw notFound;
            } catch (ApiProblem problem) {
                if (problem.isConflict()) {
                    ResettlementApi.Case newest = resettlement.get(caseId);
                    Map<String, String> kept = new HashMap<>(form);
                    kept.put("version", String.valueOf(newest.version()));
                    return taskForm(newest, key, kept, FormErrors.none(), conflict(problem, newest), model);
                }
                if (problem.isInvalidInput()) {
                    return taskForm(latest, key, form, FormErrors.from(problem, PLAN_FIELDS), null, model);
                }
                throw problem;
            }
        });
    }

    @GetMapping("/cases/{caseId}/plan/check")
    String check(@PathVariable String caseId, Model model) {
        ResettlementApi.Case found = resettlement.get(caseId);
        PlanTasks tasks = PlanTasks.of(found);
        if (!tasks.allDone() || tasks.completed()) {
            return "redirect:/cases/" + caseId + "/plan";
        }
        return checkPage(found, FormErrors.none(), null, model);
    }

    @PostMapping("/cases/{caseId}/plan/completion")
    String complete(@PathVariable String caseId, @RequestParam Map<String, String> form, HttpSession session,
            Model model, RedirectAttributes redirect) {
        return onceOnly.submit(session, form.get("formToken"), () -> {
            ResettlementApi.Case latest = resettlement.get(caseId);
            try {
                ResettlementApi.Case done = resettlement.completePlan(caseId,
                        parseVersion(form.get("version"), latest.version()), form.get("formToken"));
                boolean onTime = done.plan() != null && Boolean.TRUE.equals(done.plan().completedOnTime());
                redirect.addFlashAttribute("success", "Plan completed " + (onTime ? "on time" : "late"));
                redirect.addFlashAttribute("successDetail", "Each need marked support required is referred to a "
                        + "provider. The referrals appear below as providers receive them.");
                return "redirect:/cases/" + caseId;
            } catch (RecordNotFound notFound) {
                throw notFound;
            } catch (ApiProblem problem) {
                if (problem.isConflict()) {
                    return checkPage(latest, FormErrors.none(), conflict(problem, latest), model);
                }
                if (problem.isInvalidInput()) {
                    return checkPage(latest, FormErrors.from(problem, PLAN_FIELDS), null, model);
                }
                throw problem;
            }
        });
    }

    private String checkPage(ResettlementApi.Case c, FormErrors errors, Conflict conflict, Model model) {
        CheckAnswers answers = new CheckAnswers();
        for (PlanTasks.Task task : PlanTasks.of(c).tasks()) {
            String value = PlanTasks.RISK_OF_HARM.equals(task.key()) ? task.note()
                    : message("needStatus." + task.status()) + (task.note() == null || task.note().isBlank() ? ""
                            : ". " + task.note());
            answers.row(label(task.key()), value, "/cases/" + c.id() + "/plan/" + task.slug());
        }
        model.addAttribute("case", c);
        model.addAttribute("answers", answers);
        model.addAttribute("errors", errors);
        model.addAttribute("conflict", conflict);
        model.addAttribute("backLink", "/cases/" + c.id() + "/plan");
        return "caseworker/plan-check";
    }

    private String taskForm(ResettlementApi.Case c, String key, Map<String, String> form, FormErrors errors,
            Conflict conflict, Model model) {
        model.addAttribute("case", c);
        model.addAttribute("taskKey", key);
        model.addAttribute("taskLabel", label(key));
        model.addAttribute("slug", PlanTasks.RISK_OF_HARM.equals(key) ? "risk-of-harm"
                : Pathways.valueOf(key).slug());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("conflict", conflict);
        Map<String, String> latest = saved(c, key);
        model.addAttribute("latestStatus", latest.get("status") == null ? null : message("needStatus." + latest.get("status")));
        model.addAttribute("latestNote", PlanTasks.RISK_OF_HARM.equals(key) ? latest.get("riskOfHarmSummary")
                : latest.get("note"));
        model.addAttribute("statuses", STATUSES.stream().map(s -> Option.of(s, message("needStatus." + s))).toList());
        model.addAttribute("backLink", "/cases/" + c.id() + "/plan");
        return "caseworker/plan-task";
    }

    /** Someone else saved first: who, when, and what their version says for this task. */
    public record Conflict(String who, String when, String savedStatus, String savedNote) {
    }

    private Conflict conflict(ApiProblem problem, ResettlementApi.Case newest) {
        Object name = problem.extra("modifiedBy.name");
        ResettlementApi.Plan plan = newest.plan();
        if (name == null && plan != null && plan.updatedBy() != null) {
            name = plan.updatedBy().name();
        }
        Object at = problem.extra("modifiedAt");
        String when = null;
        try {
            Instant instant = at != null ? Instant.parse(at.toString())
                    : plan != null ? plan.updatedAt() : null;
            when = instant == null ? null : when(instant);
        } catch (RuntimeException unparsable) {
            when = at == null ? null : at.toString();
        }
        return new Conflict(name == null ? "Someone else" : name.toString(), when, null, null);
    }

    /** e.g. "10:14am on 27 November 2026", UK time. */
    static String when(Instant instant) {
        return WHEN.format(instant).replace("AM", "am").replace("PM", "pm");
    }

    private ResettlementApi.PlanChange merged(ResettlementApi.Case c, String key, Map<String, String> form) {
        List<ResettlementApi.Need> needs = new ArrayList<>(c.plan() == null ? List.of() : c.plan().needs());
        String summary = c.plan() == null ? null : c.plan().riskOfHarmSummary();
        if (PlanTasks.RISK_OF_HARM.equals(key)) {
            summary = form.get("riskOfHarmSummary").trim();
        } else {
            String note = form.get("note") == null || form.get("note").isBlank() ? null : form.get("note").trim();
            needs.removeIf(n -> key.equals(n.pathway()));
            needs.add(new ResettlementApi.Need(key, form.get("status"), note));
            needs.sort(java.util.Comparator.comparing(n -> Pathways.valueOf(n.pathway()).ordinal()));
        }
        return new ResettlementApi.PlanChange(needs, summary);
    }

    private static Map<String, String> saved(ResettlementApi.Case c, String key) {
        Map<String, String> form = new HashMap<>();
        for (PlanTasks.Task task : PlanTasks.of(c).tasks()) {
            if (task.key().equals(key)) {
                if (PlanTasks.RISK_OF_HARM.equals(key)) {
                    form.put("riskOfHarmSummary", task.note());
                } else if (task.done()) {
                    form.put("status", task.status());
                    form.put("note", task.note());
                }
            }
        }
        return form;
    }

    /** The task's key for a slug, if the task applies to this person (abuse-victim support only for women). */
    private static String taskKey(String slug, ResettlementApi.Case c) {
        if ("risk-of-harm".equals(slug)) {
            return PlanTasks.RISK_OF_HARM;
        }
        return Pathways.fromSlug(slug).filter(p -> Pathways.forSex(c.sex()).contains(p)).map(Enum::name)
                .orElseThrow(() -> new RecordNotFound("no task " + slug));
    }

    private String label(String key) {
        return PlanTasks.RISK_OF_HARM.equals(key) ? "Risk of harm summary" : message("pathway." + key);
    }

    private String message(String code) {
        return messages.getMessage(code, null, code, Locale.UK);
    }

    private static long parseVersion(String value, long fallback) {
        try {
            return Long.parseLong(value);
        } catch (RuntimeException e) {
            return fallback;
        }
    }
}
