package uk.probation.gate.web.dataprotection;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;
import uk.probation.gate.web.api.ApiProblem;
import uk.probation.gate.web.api.RecordNotFound;
import uk.probation.gate.web.api.ServiceUnavailable;
import uk.probation.gate.web.dataprotection.DataProtectionApi.SarAnswer;
import uk.probation.gate.web.api.Service;
import uk.probation.gate.web.forms.DateField;
import uk.probation.gate.web.forms.FormErrors;
import uk.probation.gate.web.pages.Words;
import uk.probation.gate.web.security.Role;
import uk.probation.gate.web.security.SignedInUser;
import uk.probation.gate.web.security.UnfinishedForms;

/**
 * A subject access request for one person (prison number and/or CRN, optionally a period): the four services are
 * asked with the admin's own token (which must carry SAR_DATA_ACCESS), and their answers make one report, shown as
 * a page and downloadable as JSON. The report is kept in the admin's session only (the last few), under a random id,
 * so no identifier is in an address, and nothing about the person is logged.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class SubjectAccessPage {

    static final Pattern PRN = Pattern.compile("[A-Z]\\d{4}[A-Z]{2}");
    static final Pattern CRN = Pattern.compile("[A-Z]\\d{6}");
    static final String REPORTS = SubjectAccessPage.class.getName() + ".reports";
    /** How many reports a session keeps for viewing and downloading: the newest replace the oldest. */
    static final int KEPT = 3;

    private final DataProtectionApi api;
    private final ObjectMapper json;
    private final Words words;

    SubjectAccessPage(DataProtectionApi api, ObjectMapper json, Words words) {
        this.api = api;
        this.json = json;
        this.words = words;
    }

    /** After a time-out and a new sign-in, the form shows what was typed (kept in the session, not the address). */
    @GetMapping("/admin/subject-access")
    String form(@RequestParam Map<String, String> params, HttpServletRequest request, Model model) {
        Map<String, String> form = new HashMap<>();
        if (UnfinishedForms.restored(request)) {
            for (String field : java.util.List.of("prn", "crn", "from-day", "from-month", "from-year", "to-day",
                    "to-month", "to-year")) {
                if (params.get(field) != null) {
                    form.put(field, params.get(field));
                }
            }
        }
        return form(form, FormErrors.none(), model);
    }

    @PostMapping("/admin/subject-access")
    String request(@RequestParam Map<String, String> params, HttpSession session, Model model) {
        Map<String, String> form = new HashMap<>(params);
        FormErrors errors = FormErrors.none();
        String prn = identifier(form, "prn");
        String crn = identifier(form, "crn");
        if (prn == null && crn == null) {
            errors.add("prn", "Enter a prison number or a CRN, or both");
        }
        if (prn != null && !PRN.matcher(prn).matches()) {
            errors.add("prn", "Enter a prison number in the correct format, like A1234BC");
        }
        if (crn != null && !CRN.matcher(crn).matches()) {
            errors.add("crn", "Enter a CRN in the correct format, like X123456");
        }
        LocalDate from = DateField.read(form, "from", "From", errors);
        LocalDate to = DateField.read(form, "to", "To", errors);
        if (from != null && to != null && to.isBefore(from)) {
            errors.add("to-day", "To must be the same as or after from");
        }
        if (errors.any() || !mayRequest()) {
            return form(form, errors, model);
        }
        String id = UUID.randomUUID().toString();
        reports(session).put(id, assemble(prn, crn, from, to));
        return "redirect:/admin/subject-access/reports/" + id;
    }

    @GetMapping("/admin/subject-access/reports/{id}")
    String report(@PathVariable String id, HttpSession session, Model model) {
        String report = stored(session, id);
        model.addAttribute("report", SubjectAccessReport.view(json.readTree(report), words));
        model.addAttribute("reportId", id);
        model.addAttribute("backLink", "/admin/subject-access");
        return "dataprotection/subject-access-report";
    }

    @GetMapping("/admin/subject-access/reports/{id}/download")
    ResponseEntity<byte[]> download(@PathVariable String id, HttpSession session) {
        JsonNode report = json.readTree(stored(session, id));
        String generated = report.path("generatedAt").asString("");
        String day = generated.length() >= 10 ? generated.substring(0, 10) : "report";
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("subject-access-report-" + day + ".json").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(json.writerWithDefaultPrettyPrinter().writeValueAsString(report)
                        .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@code {person:{prn,crn}, fromDate, toDate, generatedAt, services:{<name>:{status, content}}}}; status is one of
     * HOLDS_RECORDS, NOTHING_HELD, IDENTIFIER_TYPE_NOT_HELD, REFUSED (403), DID_NOT_ANSWER.
     */
    String assemble(String prn, String crn, LocalDate from, LocalDate to) {
        ObjectNode report = json.createObjectNode();
        ObjectNode person = report.putObject("person");
        person.put("prn", prn);
        person.put("crn", crn);
        report.put("fromDate", from == null ? null : from.toString());
        report.put("toDate", to == null ? null : to.toString());
        report.put("generatedAt", Instant.now().toString());
        ObjectNode services = report.putObject("services");
        for (Service service : Service.values()) {
            ObjectNode answer = services.putObject(service.id());
            JsonNode content = null;
            String status;
            try {
                SarAnswer sar = api.subjectAccess(service, prn, crn, from, to);
                status = switch (sar.status()) {
                    case 200 -> SubjectAccessReport.HOLDS_RECORDS;
                    case 204 -> SubjectAccessReport.NOTHING_HELD;
                    case 209 -> SubjectAccessReport.IDENTIFIER_TYPE_NOT_HELD;
                    default -> SubjectAccessReport.DID_NOT_ANSWER;
                };
                content = sar.content();
                if (status.equals(SubjectAccessReport.HOLDS_RECORDS) && (content == null || content.isEmpty())) {
                    status = SubjectAccessReport.NOTHING_HELD;
                }
            } catch (RecordNotFound notServed) {
                status = SubjectAccessReport.DID_NOT_ANSWER;
            } catch (ApiProblem problem) {
                status = problem.status() == 403 ? SubjectAccessReport.REFUSED : SubjectAccessReport.DID_NOT_ANSWER;
            } catch (ServiceUnavailable unavailable) {
                status = SubjectAccessReport.DID_NOT_ANSWER;
            }
            answer.put("status", status);
            answer.set("content", content);
        }
        return json.writeValueAsString(report);
    }

    private String form(Map<String, String> form, FormErrors errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("mayRequest", mayRequest());
        return "dataprotection/subject-access";
    }

    /** The services decide, but an admin without the role is told before anything is asked. */
    private static boolean mayRequest() {
        return SignedInUser.current().map(user -> user.has(Role.SAR_DATA_ACCESS)).orElse(false);
    }

    private static String identifier(Map<String, String> form, String field) {
        String value = form.get(field);
        if (value == null || value.isBlank()) {
            return null;
        }
        String tidy = value.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        form.put(field, tidy);
        return tidy;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> reports(HttpSession session) {
        synchronized (SubjectAccessPage.class) {
            Object kept = session.getAttribute(REPORTS);
            if (!(kept instanceof Map<?, ?>)) {
                kept = new LinkedHashMap<String, String>() {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                        return size() > KEPT;
                    }
                };
                session.setAttribute(REPORTS, kept);
            }
            return (Map<String, String>) kept;
        }
    }

    private static String stored(HttpSession session, String id) {
        Object kept = session.getAttribute(REPORTS);
        Object report = kept instanceof Map<?, ?> map ? map.get(id) : null;
        if (report == null) {
            throw new RecordNotFound("no such report in this session");
        }
        return (String) report;
    }

}
