package uk.probation.gate.web.unpaidwork;

import jakarta.servlet.http.HttpSession;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import uk.probation.gate.web.forms.DateField;
import uk.probation.gate.web.forms.FormErrors;
import uk.probation.gate.web.forms.FormFields;
import uk.probation.gate.web.forms.OnceOnly;
import uk.probation.gate.web.forms.Option;

/**
 * The placement coordinator's sessions and projects: the next 14 days with places booked against capacity and the
 * sessions at risk, one session's roster and its stand-down, and adding a project and its sessions.
 */
@Controller
@PreAuthorize("hasRole('PLACEMENT_COORDINATOR')")
class SessionPages {

    static final int DAYS_AHEAD = 14;
    static final List<String> STAND_DOWN_REASONS = List.of("NO_SUPERVISOR", "NO_WORK", "WEATHER", "OTHER");
    static final List<String> PROJECT_TYPES = List.of("GROUP", "INDIVIDUAL");

    private static final FormFields PROJECT_FIELDS = FormFields.of()
            .field("code", "Project code")
            .field("name", "Project name")
            .field("areaCode", "Area")
            .field("type", "Type of project")
            .field("partner", "Partner")
            .field("ete", "Education, training or employment");
    private static final FormFields SESSION_FIELDS = FormFields.of()
            .field("date", "date-day", "Date")
            .field("startTime", "Start time")
            .field("endTime", "End time")
            .field("supervisors", "Supervisors")
            .field("placesPerSupervisor", "Places per supervisor");

    private final UnpaidWorkApi api;
    private final OnceOnly onceOnly;

    SessionPages(UnpaidWorkApi api, OnceOnly onceOnly) {
        this.api = api;
        this.onceOnly = onceOnly;
    }

    @GetMapping("/unpaid-work/sessions")
    String sessions(Model model) {
        LocalDate today = UnpaidWorkFormat.today();
        List<UnpaidWorkApi.Session> sessions = api.sessions(today, today.plusDays(DAYS_AHEAD - 1), null);
        model.addAttribute("sessions", sessions);
        model.addAttribute("atRisk", sessions.stream().filter(s -> s.atRisk() && !s.stoodDown()).count());
        model.addAttribute("from", today);
        model.addAttribute("to", today.plusDays(DAYS_AHEAD - 1));
        return "unpaidwork/sessions";
    }

    @GetMapping("/unpaid-work/sessions/{id}")
    String session(@PathVariable String id, Model model) {
        UnpaidWorkApi.Session found = api.session(id);
        model.addAttribute("workSession", found);
        model.addAttribute("tooEarly", found.date().isAfter(UnpaidWorkFormat.today()));
        return "unpaidwork/session";
    }

    // ---- stand-down

    @GetMapping("/unpaid-work/sessions/{id}/stand-down")
    String standDownForm(@PathVariable String id, @RequestParam(required = false) String reason, Model model) {
        return standDownPage(api.session(id), reason, model);
    }

    @PostMapping("/unpaid-work/sessions/{id}/stand-down")
    String standDown(@PathVariable String id, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String formToken, HttpSession httpSession, Model model,
            RedirectAttributes redirect) {
        if (reason == null || !STAND_DOWN_REASONS.contains(reason)) {
            model.addAttribute("errors", FormErrors.none().add("reason", "Select why the session is stood down"));
            return standDownPage(api.session(id), null, model);
        }
        try {
            return onceOnly.submit(httpSession, formToken, () -> {
                UnpaidWorkApi.StandDown done = api.standDown(id, reason, formToken);
                redirect.addFlashAttribute("success", "Session stood down");
                redirect.addFlashAttribute("successDetail", done.sentHome() == 0 ? "Nobody was booked on it."
                        : done.sentHome() == 1 ? "The 1 person booked was told not to come."
                        : "The " + done.sentHome() + " people booked were told not to come.");
                return "redirect:/unpaid-work/sessions/" + id;
            });
        } catch (ApiProblem problem) {
            if (problem.isNotFound()) {
                throw problem;
            }
            model.addAttribute("errors", FormErrors.from(problem, FormFields.of().field("reason", "Reason")));
            return standDownPage(api.session(id), reason, model);
        }
    }

    private String standDownPage(UnpaidWorkApi.Session session, String reason, Model model) {
        model.addAttribute("workSession", session);
        model.addAttribute("reason", reason);
        model.addAttribute("reasons", STAND_DOWN_REASONS);
        return "unpaidwork/stand-down";
    }

    // ---- projects

    @GetMapping("/unpaid-work/projects")
    String projects(Model model) {
        model.addAttribute("projects", api.projects(null));
        return "unpaidwork/projects";
    }

    /** Any parameters are a form kept over a time-out (UnfinishedForms) and are shown again. */
    @GetMapping("/unpaid-work/projects/new")
    String newProject(@RequestParam Map<String, String> kept, Model model) {
        Map<String, String> form = new HashMap<>(kept);
        List<String> areas = OrderPages.areas();
        if (areas.size() == 1) {
            form.putIfAbsent("areaCode", areas.get(0));
        }
        form.putIfAbsent("ete", "no");
        model.addAttribute("form", form);
        return projectForm(model);
    }

    @PostMapping("/unpaid-work/projects/new")
    String createProject(@RequestParam Map<String, String> form, HttpSession httpSession, Model model,
            RedirectAttributes redirect) {
        model.addAttribute("form", form);
        FormErrors errors = FormErrors.none();
        String name = OrderPages.blankToNull(form.get("name"));
        String code = OrderPages.blankToNull(form.get("code"));
        String type = form.get("type");
        String partner = OrderPages.blankToNull(form.get("partner"));
        if (name == null) {
            errors.add("name", "Enter the project name");
        }
        if (code == null) {
            errors.add("code", "Enter a project code");
        }
        if (OrderPages.blankToNull(form.get("areaCode")) == null) {
            errors.add("areaCode", "Select the area");
        }
        if (type == null || !PROJECT_TYPES.contains(type)) {
            errors.add("type", "Select the type of project");
        } else if ("INDIVIDUAL".equals(type) && partner == null) {
            errors.add("partner", "Enter the partner who hosts the individual placement");
        }
        if (errors.any()) {
            model.addAttribute("errors", errors);
            return projectForm(model);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code.toUpperCase(Locale.ROOT));
        body.put("name", name);
        body.put("areaCode", form.get("areaCode"));
        body.put("type", type);
        if ("INDIVIDUAL".equals(type)) {
            body.put("partner", partner);
        }
        body.put("ete", "yes".equals(form.get("ete")));
        String formToken = form.get("formToken");
        try {
            return onceOnly.submit(httpSession, formToken, () -> {
                UnpaidWorkApi.Project created = api.createProject(body, formToken);
                redirect.addFlashAttribute("success", "Project " + created.name() + " added");
                redirect.addFlashAttribute("successDetail", "Now add its sessions.");
                return "redirect:/unpaid-work/projects/" + created.code() + "/sessions/new";
            });
        } catch (ApiProblem problem) {
            if (problem.isNotFound()) {
                throw problem;
            }
            model.addAttribute("errors", problem.status() == 409
                    ? FormErrors.none().add("code", "A project with this code already exists: choose another code")
                    : FormErrors.from(problem, PROJECT_FIELDS));
            return projectForm(model);
        }
    }

    private String projectForm(Model model) {
        model.addAttribute("areaOptions", OrderPages.areaOptions());
        model.addAttribute("typeOptions", List.of(
                new Option("GROUP", "Group project", "People work together with a supervisor"),
                new Option("INDIVIDUAL", "Individual placement", "With a partner such as a charity shop or a college")));
        model.addAttribute("yesNo", List.of(Option.of("yes", "Yes"), Option.of("no", "No")));
        return "unpaidwork/project-new";
    }

    // ---- a project's sessions

    @GetMapping("/unpaid-work/projects/{code}/sessions/new")
    String newSession(@PathVariable String code, @RequestParam Map<String, String> kept, Model model) {
        Map<String, String> form = new HashMap<>(kept);
        form.putIfAbsent("startTime", "09:00");
        form.putIfAbsent("endTime", "16:00");
        form.putIfAbsent("supervisors", "1");
        form.putIfAbsent("placesPerSupervisor", "6");
        model.addAttribute("form", form);
        return sessionForm(api.project(code), model);
    }

    @PostMapping("/unpaid-work/projects/{code}/sessions/new")
    String createSession(@PathVariable String code, @RequestParam Map<String, String> form, HttpSession httpSession,
            Model model, RedirectAttributes redirect) {
        model.addAttribute("form", form);
        UnpaidWorkApi.Project project = api.project(code);
        FormErrors errors = FormErrors.none();
        LocalDate date = DateField.read(form, "date", "Date", errors);
        if (date == null && !errors.has("date-day")) {
            errors.add("date-day", "Enter the date of the session");
        }
        LocalTime start = time(form.get("startTime"));
        if (start == null) {
            errors.add("startTime", "Enter the start time as hours and minutes, like 09:00");
        }
        LocalTime end = time(form.get("endTime"));
        if (end == null) {
            errors.add("endTime", "Enter the end time as hours and minutes, like 16:00");
        }
        Integer supervisors = OrderPages.wholeNumber(form.get("supervisors"));
        if (supervisors == null) {
            errors.add("supervisors", "Enter the number of supervisors, like 2");
        }
        Integer places = OrderPages.wholeNumber(form.get("placesPerSupervisor"));
        if (places == null) {
            errors.add("placesPerSupervisor", "Enter the places per supervisor, like 6");
        }
        if (errors.any()) {
            model.addAttribute("errors", errors);
            return sessionForm(project, model);
        }
        Map<String, Object> body = Map.of("date", date.toString(), "startTime", start.toString(), "endTime",
                end.toString(), "supervisors", supervisors, "placesPerSupervisor", places);
        String formToken = form.get("formToken");
        try {
            return onceOnly.submit(httpSession, formToken, () -> {
                UnpaidWorkApi.Session created = api.createSession(code, body, formToken);
                redirect.addFlashAttribute("success", "Session added on " + new UnpaidWorkFormat().day(created.date()));
                redirect.addFlashAttribute("successDetail", "Capacity " + created.capacity() + ": "
                        + count(created.supervisors(), "supervisor") + " taking "
                        + count(created.placesPerSupervisor(), "person") + " each.");
                return "redirect:/unpaid-work/sessions/" + created.id();
            });
        } catch (ApiProblem problem) {
            if (problem.isNotFound()) {
                throw problem;
            }
            model.addAttribute("errors", FormErrors.from(problem, SESSION_FIELDS));
            return sessionForm(project, model);
        }
    }

    private String sessionForm(UnpaidWorkApi.Project project, Model model) {
        model.addAttribute("project", project);
        return "unpaidwork/session-new";
    }

    static String count(int n, String noun) {
        return n + " " + (n == 1 ? noun : "person".equals(noun) ? "people" : noun + "s");
    }

    private static LocalTime time(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim().replace('.', ':');
        if (v.matches("\\d{1,2}")) {
            v = v + ":00";
        }
        if (v.matches("\\d:\\d{2}")) {
            v = "0" + v;
        }
        try {
            return LocalTime.parse(v);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
