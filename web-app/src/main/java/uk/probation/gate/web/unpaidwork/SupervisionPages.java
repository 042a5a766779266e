package uk.probation.gate.web.unpaidwork;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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

/**
 * The supervisor on a phone: today's and yesterday's sessions, the roster as cards where several people are ticked
 * and given the same outcome and time at once, check your answers, done. Three pages for a whole group. No link to
 * orders, projects or bookings: a supervisor can follow none.
 */
@Controller
@PreAuthorize("hasRole('SUPERVISOR')")
class SupervisionPages {

    static final List<String> OUTCOMES = List.of("ATTENDED_COMPLIED", "ATTENDED_FAILED_TO_COMPLY",
            "SENT_HOME_BEHAVIOUR", "SENT_HOME_SERVICE_ISSUE", "ACCEPTABLE_ABSENCE", "UNACCEPTABLE_ABSENCE");
    /** The person worked, so time is credited. */
    static final Set<String> WORKED = Set.of("ATTENDED_COMPLIED", "ATTENDED_FAILED_TO_COMPLY", "SENT_HOME_BEHAVIOUR");
    /** Counts against the person: may lead to enforcement. */
    static final Set<String> ENFORCEABLE = Set.of("ATTENDED_FAILED_TO_COMPLY", "SENT_HOME_BEHAVIOUR",
            "UNACCEPTABLE_ABSENCE");
    private static final String PENDING = SupervisionPages.class.getName() + ".PENDING.";

    private final UnpaidWorkApi api;
    private final OnceOnly onceOnly;

    SupervisionPages(UnpaidWorkApi api, OnceOnly onceOnly) {
        this.api = api;
        this.onceOnly = onceOnly;
    }

    /** What the supervisor chose on the roster, kept in their session until they confirm it. */
    public record Answers(List<String> orderIds, Map<String, String> crns, String outcome, int minutes)
            implements Serializable {

        public boolean worked() {
            return outcome != null && WORKED.contains(outcome);
        }

        public boolean enforceable() {
            return outcome != null && ENFORCEABLE.contains(outcome);
        }

        public boolean serviceIssue() {
            return "SENT_HOME_SERVICE_ISSUE".equals(outcome);
        }

        public List<String> people() {
            return orderIds.stream().map(crns::get).toList();
        }
    }

    public record Day(LocalDate date, List<UnpaidWorkApi.Session> sessions) {
    }

    /** Said on a session still to come: community-payback-service refuses attendance before the session's day. */
    static final String TOO_EARLY = "Attendance can be recorded from the day of the session";

    @GetMapping("/supervision/sessions")
    String sessions(Model model) {
        LocalDate today = UnpaidWorkFormat.today();
        Map<LocalDate, List<UnpaidWorkApi.Session>> byDay = new TreeMap<>(java.util.Comparator.reverseOrder());
        byDay.put(today, new ArrayList<>());
        byDay.put(today.minusDays(1), new ArrayList<>());
        for (UnpaidWorkApi.Session s : api.sessions(today.minusDays(1), today, null)) {
            byDay.computeIfAbsent(s.date(), d -> new ArrayList<>()).add(s);
        }
        model.addAttribute("days", byDay.entrySet().stream().map(e -> new Day(e.getKey(), e.getValue())).toList());
        return "unpaidwork/supervision-sessions";
    }

    @GetMapping("/supervision/sessions/{id}")
    String roster(@PathVariable String id, HttpServletRequest request, HttpSession httpSession, Model model) {
        UnpaidWorkApi.Session session = api.session(id);
        Answers pending = (Answers) httpSession.getAttribute(PENDING + id);
        if (request.getParameter("outcome") != null || request.getParameterValues("orderId") != null) {
            // the roster as ticked before a time-out, kept by UnfinishedForms and shown again
            String[] ticked = request.getParameterValues("orderId");
            model.addAttribute("selected", ticked == null ? List.of() : List.of(ticked));
            model.addAttribute("outcome", request.getParameter("outcome"));
            model.addAttribute("hours", request.getParameter("hours"));
            model.addAttribute("mins", request.getParameter("minutes"));
        }
        if (!model.containsAttribute("selected")) {
            model.addAttribute("selected", pending == null ? List.of() : pending.orderIds());
            model.addAttribute("outcome", pending == null ? null : pending.outcome());
            int minutes = pending == null ? session.minutes() : pending.minutes();
            model.addAttribute("hours", String.valueOf(minutes / 60));
            model.addAttribute("mins", String.valueOf(minutes % 60));
        }
        if (model.getAttribute("failures") instanceof List<?> failures && !failures.isEmpty()) {
            FormErrors errors = FormErrors.none();
            // a refusal about the people chosen (e.g. the session's day not come yet) is shown at the people
            failures.forEach(f -> errors.add(f instanceof Failure failure ? failure.field() : null,
                    f instanceof Failure failure ? failure.message() : String.valueOf(f)));
            model.addAttribute("errors", errors);
        }
        return rosterPage(session, model);
    }

    private String rosterPage(UnpaidWorkApi.Session session, Model model) {
        boolean tooEarly = tooEarly(session);
        model.addAttribute("workSession", session);
        model.addAttribute("tooEarly", tooEarly);
        model.addAttribute("tooEarlyReason", TOO_EARLY + " (" + new UnpaidWorkFormat().day(session.date()) + ").");
        model.addAttribute("outcomes", OUTCOMES);
        model.addAttribute("enforceable", ENFORCEABLE);
        model.addAttribute("toRecord", session.roster().stream().filter(r -> r.attendance() == null).count());
        model.addAttribute("firstOpen", session.roster().stream().filter(r -> r.attendance() == null)
                .map(UnpaidWorkApi.RosterEntry::orderId).findFirst().orElse(""));
        return "unpaidwork/supervision-roster";
    }

    @PostMapping("/supervision/sessions/{id}")
    String choose(@PathVariable String id, HttpServletRequest request, HttpSession httpSession, Model model) {
        UnpaidWorkApi.Session session = api.session(id);
        String[] chosen = request.getParameterValues("orderId");
        String outcome = request.getParameter("outcome");
        String hours = request.getParameter("hours");
        String mins = request.getParameter("minutes");
        Map<String, String> open = new LinkedHashMap<>();
        session.roster().stream().filter(r -> r.attendance() == null).forEach(r -> open.put(r.orderId(), r.crn()));
        List<String> selected = new ArrayList<>();
        if (chosen != null) {
            for (String orderId : chosen) {
                if (open.containsKey(orderId) && !selected.contains(orderId)) {
                    selected.add(orderId);
                }
            }
        }
        FormErrors errors = FormErrors.none();
        if (tooEarly(session)) {
            errors.add("people", TOO_EARLY + " (" + new UnpaidWorkFormat().day(session.date()) + ")");
        } else if (selected.isEmpty()) {
            errors.add("people", "Select the people to record attendance for");
        }
        if (outcome == null || !OUTCOMES.contains(outcome)) {
            errors.add("outcome", "Select what happened");
        }
        int minutes = 0;
        if (outcome != null && WORKED.contains(outcome)) {
            Integer h = OrderPages.wholeNumber(blankAsZero(hours));
            Integer m = OrderPages.wholeNumber(blankAsZero(mins));
            if (h == null || m == null || h < 0 || m < 0 || m > 59) {
                errors.add("hours", "Enter the time worked in whole hours and minutes, like 6 hours 30 minutes");
            } else {
                minutes = h * 60 + m;
                if (minutes > session.minutes()) {
                    errors.add("hours", "Time worked must be no more than the session's "
                            + new UnpaidWorkFormat().hours(session.minutes()));
                }
            }
        }
        if (errors.any()) {
            model.addAttribute("errors", errors);
            model.addAttribute("selected", selected);
            model.addAttribute("outcome", outcome);
            model.addAttribute("hours", hours);
            model.addAttribute("mins", mins);
            return rosterPage(session, model);
        }
        Map<String, String> crns = new LinkedHashMap<>();
        selected.forEach(orderId -> crns.put(orderId, open.get(orderId)));
        httpSession.setAttribute(PENDING + id, new Answers(List.copyOf(selected), crns, outcome, minutes));
        return "redirect:/supervision/sessions/" + id + "/check";
    }

    @GetMapping("/supervision/sessions/{id}/check")
    String check(@PathVariable String id, HttpSession httpSession, Model model) {
        UnpaidWorkApi.Session session = api.session(id);
        Answers answers = (Answers) httpSession.getAttribute(PENDING + id);
        if (answers == null) {
            return "redirect:/supervision/sessions/" + id;
        }
        model.addAttribute("workSession", session);
        model.addAttribute("answers", answers);
        return "unpaidwork/supervision-check";
    }

    /** Records each person on its own: one failure keeps the others, and the roster says who failed and why. */
    @PostMapping("/supervision/sessions/{id}/check")
    String confirm(@PathVariable String id, @RequestParam(required = false) String formToken,
            HttpSession httpSession, RedirectAttributes redirect) {
        return onceOnly.submit(httpSession, formToken, () -> {
            Answers answers = (Answers) httpSession.getAttribute(PENDING + id);
            if (answers == null) {
                return "redirect:/supervision/sessions/" + id;
            }
            api.session(id);
            List<String> recorded = new ArrayList<>();
            List<Failure> failures = new ArrayList<>();
            List<String> notRecorded = new ArrayList<>();
            for (String orderId : answers.orderIds()) {
                String crn = answers.crns().get(orderId);
                try {
                    api.recordAttendance(id, orderId, answers.outcome(), answers.worked() ? answers.minutes() : 0,
                            formToken == null ? null : formToken + "-" + orderId);
                    recorded.add(crn);
                } catch (ApiProblem problem) {
                    boolean dated = problem.isInvalidInput() && problem.errors().stream()
                            .anyMatch(e -> "sessionDate".equals(e.field()));
                    failures.add(new Failure(dated ? "people" : null, crn + " was not recorded: " + reason(problem)));
                    if (dated) {
                        notRecorded.add(orderId);
                    }
                }
            }
            httpSession.removeAttribute(PENDING + id);
            if (!notRecorded.isEmpty()) {
                // nothing lost: those refused for the session's date stay chosen, with the outcome and time
                Map<String, String> crns = new LinkedHashMap<>();
                notRecorded.forEach(orderId -> crns.put(orderId, answers.crns().get(orderId)));
                httpSession.setAttribute(PENDING + id, new Answers(List.copyOf(notRecorded), crns, answers.outcome(),
                        answers.minutes()));
            }
            if (!recorded.isEmpty()) {
                redirect.addFlashAttribute("success", "Attendance recorded for " + recorded.size()
                        + (recorded.size() == 1 ? " person" : " people"));
                redirect.addFlashAttribute("successDetail", String.join(", ", recorded));
            }
            redirect.addFlashAttribute("failures", failures);
            return "redirect:/supervision/sessions/" + id;
        });
    }

    /** A person whose attendance the service refused, and the roster field the refusal belongs at (or none). */
    public record Failure(String field, String message) implements Serializable {
    }

    static boolean tooEarly(UnpaidWorkApi.Session session) {
        return session.date() != null && session.date().isAfter(UnpaidWorkFormat.today());
    }

    private static String reason(ApiProblem problem) {
        if (problem instanceof RecordNotFound) {
            return "they are no longer on this session";
        }
        if (problem.status() == 409) {
            return "an outcome was already recorded for them";
        }
        if (!problem.errors().isEmpty()) {
            ApiProblem.FieldError first = problem.errors().get(0);
            if ("orderId".equals(first.field())) {
                return "they are no longer booked on this session";
            }
            if ("sessionDate".equals(first.field())) {
                return first.message();
            }
            return (first.field() == null ? "" : first.field() + " ") + first.message();
        }
        return problem.detail() != null ? problem.detail() : "the service refused it (" + problem.status() + ")";
    }

    private static String blankAsZero(String value) {
        return value == null || value.isBlank() ? "0" : value;
    }
}
