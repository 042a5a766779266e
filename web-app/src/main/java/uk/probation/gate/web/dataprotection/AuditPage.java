package uk.probation.gate.web.dataprotection;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import uk.probation.gate.web.api.ApiProblem;
import uk.probation.gate.web.api.Page;
import uk.probation.gate.web.api.ServiceUnavailable;
import uk.probation.gate.web.dataprotection.DataProtectionApi.AuditEntry;
import uk.probation.gate.web.api.Service;
import uk.probation.gate.web.forms.DateField;
import uk.probation.gate.web.forms.FormErrors;
import uk.probation.gate.web.forms.Option;
import uk.probation.gate.web.pages.Pagination;
import uk.probation.gate.web.pages.Words;

/**
 * The audit trail of one service or all four: who changed what and when, newest first. Across services the pages
 * are merged: for page n each service is asked for its newest n pages' worth, the rows are sorted by time and page n
 * is cut from them (so paging is exact, and the total is the services' totals added up). A service that does not
 * answer is named above the results and its rows are missing.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AuditPage {

    static final int SIZE = 20;
    /** Merging all services reads up to this many pages back (1,000 rows a service); one service has no limit. */
    static final int MAX_MERGED_PAGE = 50;
    private static final int MAX_FETCH = 200;
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** A row as the table shows it. */
    public record Row(String when, String actor, String client, String service, String what, String operation,
            String entity, String entityId, String changedFields) {
    }

    private final DataProtectionApi api;
    private final Words words;

    AuditPage(DataProtectionApi api, Words words) {
        this.api = api;
        this.words = words;
    }

    @GetMapping("/admin/audit")
    String audit(@RequestParam Map<String, String> params, HttpServletRequest request, Model model) {
        Map<String, String> form = new HashMap<>(params);
        FormErrors errors = FormErrors.none();
        Service only = Service.of(params.get("service"));
        form.put("service", only == null ? "all" : only.id());
        String entityId = blankToNull(params.get("entityId"));
        String actor = blankToNull(params.get("actor"));
        if (entityId != null && entityId.length() > 100) {
            errors.add("entityId", "Record id must be 100 characters or fewer");
        }
        if (actor != null && actor.length() > 100) {
            errors.add("actor", "User must be 100 characters or fewer");
        }
        LocalDate from = DateField.read(form, "from", "From", errors);
        LocalDate to = DateField.read(form, "to", "To", errors);
        if (from != null && to != null && to.isBefore(from)) {
            errors.add("to-day", "To must be the same as or after from");
        }
        int page = pageNumber(params.get("page"));
        List<Service> services = only == null ? List.of(Service.values()) : List.of(only);
        if (only == null && page > MAX_MERGED_PAGE) {
            errors.add("service", "Choose one service, or narrow the dates, to see more than "
                    + MAX_MERGED_PAGE + " pages back");
        }

        List<Row> rows = List.of();
        List<String> unanswered = new ArrayList<>();
        Pagination pagination = null;
        if (!errors.any()) {
            Instant since = from == null ? null : from.atStartOfDay(LONDON).toInstant();
            Instant until = to == null ? null : to.plusDays(1).atStartOfDay(LONDON).toInstant();
            Page<Tagged> found = only != null ? one(only, entityId, actor, since, until, page, unanswered)
                    : merged(services, entityId, actor, since, until, page, unanswered);
            rows = found.items().stream().map(this::row).toList();
            pagination = Pagination.of(found, ServletUriComponentsBuilder.fromRequest(request));
        }
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("serviceOptions", serviceOptions());
        model.addAttribute("rows", rows);
        model.addAttribute("unanswered", unanswered);
        model.addAttribute("pagination", pagination);
        model.addAttribute("searched", !errors.any());
        return "dataprotection/audit";
    }

    /** An entry and the service it came from. */
    record Tagged(Service service, AuditEntry entry) {
    }

    private Page<Tagged> one(Service service, String entityId, String actor, Instant since, Instant until, int page,
            List<String> unanswered) {
        try {
            Page<AuditEntry> answer = api.audit(service, entityId, actor, since, until, page - 1, SIZE);
            return new Page<>(answer.items().stream().map(e -> new Tagged(service, e)).toList(), page - 1, SIZE,
                    answer.total());
        } catch (ServiceUnavailable | ApiProblem failed) {
            unanswered.add(service.label());
            return new Page<>(List.of(), page - 1, SIZE, 0);
        }
    }

    private Page<Tagged> merged(List<Service> services, String entityId, String actor, Instant since,
            Instant until, int page, List<String> unanswered) {
        int need = page * SIZE;
        List<Tagged> all = new ArrayList<>();
        long total = 0;
        for (Service service : services) {
            try {
                int chunk = Math.min(MAX_FETCH, need);
                int got = 0;
                for (int p = 0; got < need; p++) {
                    Page<AuditEntry> answer = api.audit(service, entityId, actor, since, until, p, chunk);
                    if (p == 0) {
                        total += answer.total();
                    }
                    answer.items().forEach(e -> all.add(new Tagged(service, e)));
                    got += answer.items().size();
                    if (answer.items().size() < chunk || got >= answer.total()) {
                        break;
                    }
                }
            } catch (ServiceUnavailable | ApiProblem failed) {
                unanswered.add(service.label());
            }
        }
        all.sort(Comparator.comparing((Tagged t) -> t.entry().at(), Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(t -> t.service().ordinal()));
        int start = Math.min(all.size(), (page - 1) * SIZE);
        int end = Math.min(all.size(), page * SIZE);
        return new Page<>(new ArrayList<>(all.subList(start, end)), page - 1, SIZE, total);
    }

    private Row row(Tagged tagged) {
        AuditEntry e = tagged.entry();
        return new Row(words.when(e.at()), e.actor() == null ? "Not known" : e.actor(), e.client(),
                tagged.service().label(), operationInWords(e.operation(), e.action()), e.operation(),
                e.entity() == null ? "" : e.entity().replace('_', ' '), e.entityId(),
                e.changedFields().isEmpty() ? "None" : String.join(", ", e.changedFields()));
    }

    /**
     * The operation as a person reads it, where that is easy: "PUT /api/cases/{caseId}/plan" is "Change plan",
     * "POST /api/referrals" "Create referral", "POST /api/referrals/{id}/accept" "Record accept", an event's type
     * in words, "retention" "Retention purge"; otherwise the action ("Updated").
     */
    static String operationInWords(String operation, String action) {
        String fallback = action == null ? "Changed" : capitalise(action);
        if (operation == null || operation.isBlank()) {
            return fallback;
        }
        if (operation.equals("retention")) {
            return "Retention purge";
        }
        if (operation.startsWith("event ")) {
            return "On event: " + operation.substring(6).replace('.', ' ').replace('-', ' ');
        }
        String[] parts = operation.split(" ", 2);
        if (parts.length < 2) {
            return fallback;
        }
        String[] segments = parts[1].replaceAll("^/+", "").split("/");
        int last = segments.length - 1;
        boolean endsWithId = last >= 0 && segments[last].startsWith("{");
        String literal = null;
        for (int i = last; i >= 0; i--) {
            if (!segments[i].startsWith("{") && !segments[i].equals("api") && !segments[i].isEmpty()) {
                literal = segments[i].replace('-', ' ');
                break;
            }
        }
        if (literal == null) {
            return fallback;
        }
        if (operation.equals("POST /api/admin/retention/run")) {
            return "Run the retention purge";
        }
        boolean collectionRoot = !endsWithId && last >= 1 && "api".equals(segments[last - 1]);
        return switch (parts[0].toUpperCase(Locale.ROOT)) {
            case "POST" -> collectionRoot ? "Create " + singular(literal)
                    : "Record " + (endsWithId ? singular(literal) : literal);
            case "PUT", "PATCH" -> "Change " + (endsWithId ? singular(literal) : literal);
            case "DELETE" -> "Delete " + (endsWithId ? singular(literal) : literal);
            default -> fallback;
        };
    }

    private static String singular(String noun) {
        if (noun.endsWith("ies")) {
            return noun.substring(0, noun.length() - 3) + "y";
        }
        return noun.endsWith("s") && !noun.endsWith("ss") ? noun.substring(0, noun.length() - 1) : noun;
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    static List<Option> serviceOptions() {
        List<Option> options = new ArrayList<>();
        options.add(new Option("all", "All services", null));
        for (Service service : Service.values()) {
            options.add(new Option(service.id(), service.label(), null));
        }
        return options;
    }

    private static int pageNumber(String value) {
        try {
            int page = value == null ? 1 : Integer.parseInt(value.trim());
            return Math.max(1, Math.min(page, 10_000));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
