package uk.probation.gate.web.dataprotection;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.probation.gate.web.api.ApiProblem;
import uk.probation.gate.web.api.ServiceUnavailable;
import uk.probation.gate.web.dataprotection.DataProtectionApi.Policy;
import uk.probation.gate.web.dataprotection.DataProtectionApi.PurgeResult;
import uk.probation.gate.web.api.Service;
import uk.probation.gate.web.pages.Words;

/**
 * What each service keeps for how long, when its purge last ran and what it deleted; "Run the purge now" per
 * service (the service refuses with 409 while a purge is running on another instance: "already running").
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class RetentionPage {

    /** A policy as the table shows it. */
    public record Row(String name, String description, String keptFor, String lastRun, String lastPurged,
            String totalPurged) {
    }

    /** One service's policies, or {@code answered} false when it did not answer. */
    public record ServicePolicies(String id, String label, boolean answered, List<Row> rows) {
    }

    private final DataProtectionApi api;
    private final Words words;

    RetentionPage(DataProtectionApi api, Words words) {
        this.api = api;
        this.words = words;
    }

    @GetMapping("/admin/retention")
    String policies(Model model) {
        List<ServicePolicies> services = new ArrayList<>();
        for (Service service : Service.values()) {
            try {
                services.add(new ServicePolicies(service.id(), service.label(), true,
                        api.retention(service).stream().map(this::row).toList()));
            } catch (ServiceUnavailable | ApiProblem failed) {
                services.add(new ServicePolicies(service.id(), service.label(), false, List.of()));
            }
        }
        model.addAttribute("services", services);
        return "dataprotection/retention";
    }

    @PostMapping("/admin/retention/{serviceId}/run")
    String run(@PathVariable String serviceId, RedirectAttributes redirect) {
        Service service = Service.named(serviceId);
        try {
            PurgeResult result = api.runRetention(service);
            long total = result.purged().values().stream().mapToLong(Long::longValue).sum();
            redirect.addFlashAttribute("success", "Purge run in " + service.label() + ": " + total
                    + (total == 1 ? " record" : " records") + " deleted");
            redirect.addFlashAttribute("successDetail", purgedInWords(result.purged()));
        } catch (ServiceUnavailable unavailable) {
            redirect.addFlashAttribute("notice", service.label() + " did not answer: the purge was not run");
        } catch (ApiProblem problem) {
            if (problem.status() != 409) {
                throw problem;
            }
            redirect.addFlashAttribute("notice", "A purge is already running in " + service.label()
                    + ": nothing was started. Try again in a minute.");
        }
        return "redirect:/admin/retention#" + service.id();
    }

    private Row row(Policy policy) {
        return new Row(policy.name(), policy.description(), periodInWords(policy.period()),
                policy.lastRunAt() == null ? "Not run yet" : words.when(policy.lastRunAt()),
                policy.lastPurged() == null ? "None yet" : String.valueOf(policy.lastPurged()),
                policy.totalPurged() == null ? "0" : String.valueOf(policy.totalPurged()));
    }

    /** "idempotency-keys: 3, audit-log: 0" as "Deleted by each policy: idempotency keys 3, audit log 0." */
    static String purgedInWords(Map<String, Long> purged) {
        if (purged.isEmpty()) {
            return "No policy had anything to delete.";
        }
        List<String> parts = new ArrayList<>();
        purged.forEach((policy, count) -> parts.add(policy.replace('-', ' ').replace('_', ' ') + " " + count));
        return "Deleted by each policy: " + String.join(", ", parts) + ".";
    }

    /** ISO 8601 in words: P7Y "7 years", PT24H "24 hours", P1Y6M "1 year and 6 months", P30D "30 days". */
    static String periodInWords(String iso) {
        if (iso == null || iso.isBlank()) {
            return "Not set";
        }
        try {
            if (iso.contains("T")) {
                Duration d = Duration.parse(iso);
                List<String> parts = new ArrayList<>();
                long days = d.toDays();
                if (days > 0 && d.toHoursPart() == 0 && d.toMinutesPart() == 0 && days * 24 != 24) {
                    return unit(days, "day");
                }
                long hours = d.toHours();
                add(parts, hours, "hour");
                add(parts, d.toMinutesPart(), "minute");
                add(parts, d.toSecondsPart(), "second");
                return parts.isEmpty() ? "No time" : String.join(" and ", parts);
            }
            Period p = Period.parse(iso);
            List<String> parts = new ArrayList<>();
            add(parts, p.getYears(), "year");
            add(parts, p.getMonths(), "month");
            add(parts, p.getDays(), "day");
            return parts.isEmpty() ? "No time" : String.join(" and ", parts);
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    private static void add(List<String> parts, long amount, String unit) {
        if (amount != 0) {
            parts.add(unit(amount, unit));
        }
    }

    private static String unit(long amount, String unit) {
        return amount + " " + unit + (amount == 1 ? "" : "s");
    }
}
