package uk.probation.gate.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
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
import uk.probation.gate.web.forms.FormErrors;
import uk.probation.gate.web.forms.OnceOnly;
import uk.probation.gate.web.forms.Option;
import uk.probation.gate.web.security.UnfinishedForms;

/**
 * The routing table: which provider gets each need's referrals, in which order, and how long it has to respond. A
 * rule is changed with the table's version as If-Match: if someone changed the table meanwhile, the page says who
 * and when, shows their version, and keeps what the admin typed.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class RoutingPages {

    static final Map<String, String> LABELS = Map.of("providerCode", "Provider", "priority", "Priority",
            "responseDays", "Days to respond");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("h:mma 'on' d MMMM yyyy", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    /** A rule as the table shows it, numbered from 1 in the order rules are tried. */
    public record Row(int number, AdminApi.Rule rule, String need, String where, String sex, String maxRisk,
            String provider) {
    }

    /** Someone changed the table after this page was opened. */
    public record Conflict(String who, String when, Row latest) {
    }

    private final AdminApi api;
    private final OnceOnly onceOnly;
    private final MessageSource messages;

    RoutingPages(AdminApi api, OnceOnly onceOnly, MessageSource messages) {
        this.api = api;
        this.onceOnly = onceOnly;
        this.messages = messages;
    }

    @GetMapping("/admin/routing")
    String table(Model model) {
        AdminApi.RoutingTable table = api.routingTable();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < table.rules().size(); i++) {
            rows.add(row(i + 1, table.rules().get(i)));
        }
        model.addAttribute("rows", rows);
        return "admin/routing";
    }

    /** After a time-out and a new sign-in, the page shows what was typed (restored) instead of the saved rule. */
    @GetMapping("/admin/routing/rules/{number}")
    String edit(@PathVariable int number, @RequestParam Map<String, String> params, HttpServletRequest request,
            Model model) {
        AdminApi.RoutingTable table = api.routingTable();
        AdminApi.Rule rule = rule(table, number);
        Map<String, String> form = new HashMap<>();
        if (UnfinishedForms.restored(request)) {
            form.putAll(params);
        } else {
            form.put("providerCode", rule.providerCode());
            form.put("priority", String.valueOf(rule.priority()));
            form.put("responseDays", String.valueOf(rule.responseDays()));
            form.put("version", String.valueOf(table.version()));
        }
        return form(number, rule, form, FormErrors.none(), null, model);
    }

    @PostMapping("/admin/routing/rules/{number}")
    String save(@PathVariable int number, @RequestParam Map<String, String> form, HttpSession session, Model model,
            RedirectAttributes redirect) {
        AdminApi.RoutingTable latest = api.routingTable();
        AdminApi.Rule rule = rule(latest, number);
        FormErrors errors = FormErrors.none();
        Integer priority = whole(form.get("priority"));
        Integer responseDays = whole(form.get("responseDays"));
        if (form.get("providerCode") == null || form.get("providerCode").isBlank()) {
            errors.add("providerCode", "Select the provider");
        }
        if (priority == null) {
            errors.add("priority", "Priority must be a whole number, like 1");
        }
        if (responseDays == null) {
            errors.add("responseDays", "Days to respond must be a whole number, like 5");
        }
        if (errors.any()) {
            return form(number, rule, form, errors, null, model);
        }
        long seen = whole(form.get("version")) == null ? latest.version() : whole(form.get("version"));
        return onceOnly.submit(session, form.get("formToken"), () -> {
            List<AdminApi.Rule> rules = new ArrayList<>(latest.rules());
            AdminApi.Rule changed = rule.with(form.get("providerCode"), priority, responseDays);
            rules.set(number - 1, changed);
            try {
                api.replaceRoutingTable(rules, seen);
                redirect.addFlashAttribute("success", "Rule " + number + " changed");
                redirect.addFlashAttribute("successDetail", label("need." + changed.need(), changed.need())
                        + " referrals " + lowerFirst(where(changed)) + " now go to "
                        + label("provider." + changed.providerCode(), changed.providerCode()) + " at priority "
                        + changed.priority() + ", with " + changed.responseDays() + " days to respond.");
                return "redirect:/admin/routing";
            } catch (RecordNotFound notFound) {
                throw notFound;
            } catch (ApiProblem problem) {
                if (problem.isConflict()) {
                    AdminApi.RoutingTable newest = api.routingTable();
                    AdminApi.Change change = api.lastRoutingChange();
                    Map<String, String> kept = new HashMap<>(form);
                    kept.put("version", String.valueOf(newest.version()));
                    Row latestRow = number <= newest.rules().size() ? row(number, newest.rules().get(number - 1))
                            : null;
                    return form(number, rule, kept, FormErrors.none(), new Conflict(
                            change == null ? "Someone else" : change.changedBy(),
                            change == null || change.changedAt() == null ? null
                                    : WHEN.format(change.changedAt()).replace("AM", "am").replace("PM", "pm"),
                            latestRow), model);
                }
                if (problem.isInvalidInput()) {
                    return form(number, rule, form, AdminErrors.of(problem, LABELS), null, model);
                }
                throw problem;
            }
        });
    }

    private String form(int number, AdminApi.Rule rule, Map<String, String> form, FormErrors errors,
            Conflict conflict, Model model) {
        model.addAttribute("row", row(number, rule));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("conflict", conflict);
        model.addAttribute("providers", api.providers().stream()
                .map(p -> new Option(p.code(), p.name(), null)).toList());
        model.addAttribute("backLink", "/admin/routing");
        return "admin/routing-rule";
    }

    private static AdminApi.Rule rule(AdminApi.RoutingTable table, int number) {
        if (number < 1 || number > table.rules().size()) {
            throw new RecordNotFound("no routing rule " + number);
        }
        return table.rules().get(number - 1);
    }

    private Row row(int number, AdminApi.Rule rule) {
        return new Row(number, rule, label("need." + rule.need(), rule.need()), where(rule),
                rule.sex() == null ? "Any" : label("sex." + rule.sex(), rule.sex()),
                rule.maxRisk() == null ? "Any" : label("risk." + rule.maxRisk(), rule.maxRisk()),
                label("provider." + rule.providerCode(), rule.providerCode()));
    }

    private String where(AdminApi.Rule rule) {
        if (rule.prisonCode() != null) {
            return "At " + label("prison." + rule.prisonCode(), rule.prisonCode());
        }
        if (rule.areaCode() != null) {
            return "In " + label("unpaidWork.area." + rule.areaCode(), rule.areaCode());
        }
        return "Anywhere";
    }

    private String label(String code, String raw) {
        return raw == null ? "" : messages.getMessage(code, null, raw, Locale.UK);
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private static Integer whole(String value) {
        try {
            return value == null ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
