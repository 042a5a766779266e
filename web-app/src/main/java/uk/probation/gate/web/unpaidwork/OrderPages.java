package uk.probation.gate.web.unpaidwork;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
import uk.probation.gate.web.forms.DateField;
import uk.probation.gate.web.forms.FormErrors;
import uk.probation.gate.web.forms.FormFields;
import uk.probation.gate.web.forms.OnceOnly;
import uk.probation.gate.web.forms.Option;
import uk.probation.gate.web.pages.Pagination;
import uk.probation.gate.web.security.SignedInUser;

/**
 * The placement coordinator's orders: the list in their areas (search by CRN, filters, paging), a new order from
 * court, the assessment, the placement on a suitable project and the booking of a session.
 */
@Controller
@PreAuthorize("hasRole('PLACEMENT_COORDINATOR')")
class OrderPages {

    static final int PAGE_SIZE = 20;
    static final List<String> STATUSES = List.of("AWAITING_ASSESSMENT", "AWAITING_PLACEMENT", "PLACED", "COMPLETED");
    static final List<String> SEXES = List.of("MALE", "FEMALE");
    static final List<String> MOTIVATIONS = List.of("HIGH", "MEDIUM", "LOW", "NOT_ASSESSED");
    static final int BOOKING_DAYS = 14;
    static final Map<String, String> AREA_NAMES = Map.of("N53DER", "Derby", "N53LEI", "Leicester",
            "N53NOT", "Nottingham", "N53RUT", "Rutland");

    private static final FormFields ORDER_FIELDS = FormFields.of()
            .field("crn", "CRN")
            .field("sentenceDate", "sentenceDate-day", "Sentence date")
            .field("requiredHours", "Hours to work")
            .field("areaCode", "Area")
            .field("sex", "Sex")
            .field("riskOfSeriousHarm", "Risk of serious harm")
            .field("responsibleOfficerCode", "Responsible officer code");
    private static final FormFields ASSESSMENT_FIELDS = FormFields.of()
            .field("availableDays", "Days available")
            .field("childcareConstraints", "Childcare")
            .field("shiftPattern", "Shift pattern")
            .field("healthAndSafetyNotes", "Health and safety")
            .field("riskOfHarmConsidered", "Risk of harm considered")
            .field("motivationToComply", "Motivation to comply")
            .field("intensive", "Intensive");
    private static final FormFields PLACEMENT_FIELDS = FormFields.of()
            .field("projectCode", "Project")
            .field("assessment", "projectCode", "Project");
    private static final FormFields BOOKING_FIELDS = FormFields.of()
            .field("orderId", "sessionId", "Session")
            .field("sessionId", "Session")
            .field("sessionDate", "sessionId", "Session")
            .field("availableDays", "sessionId", "Session")
            .field("completeBy", "sessionId", "Session")
            .field("projectCode", "sessionId", "Session");

    private final UnpaidWorkApi api;
    private final OnceOnly onceOnly;

    OrderPages(UnpaidWorkApi api, OnceOnly onceOnly) {
        this.api = api;
        this.onceOnly = onceOnly;
    }

    record Filters(String crn, String status, Boolean overdue) {
        public boolean any() {
            return crn != null || status != null || overdue != null;
        }
    }

    @GetMapping("/unpaid-work/orders")
    String orders(@RequestParam(required = false) String crn, @RequestParam(required = false) String status,
            @RequestParam(required = false) Boolean overdue, @RequestParam(defaultValue = "1") int page,
            HttpServletRequest request, Model model) {
        String search = blankToNull(crn) == null ? null : crn.trim().toUpperCase(Locale.ROOT);
        String chosen = status != null && STATUSES.contains(status) ? status : null;
        Boolean onlyOverdue = Boolean.TRUE.equals(overdue) ? Boolean.TRUE : null;
        Page<UnpaidWorkApi.Order> orders = api.orders(search, chosen, onlyOverdue, Math.max(0, page - 1), PAGE_SIZE);
        model.addAttribute("orders", orders);
        model.addAttribute("pages", Pagination.of(orders, ServletUriComponentsBuilder.fromRequest(request)));
        model.addAttribute("filters", new Filters(search, chosen, onlyOverdue));
        model.addAttribute("statuses", STATUSES);
        return "unpaidwork/orders";
    }

    // ---- a new order from court

    /** Any parameters are a form kept over a time-out (UnfinishedForms) and are shown again. */
    @GetMapping("/unpaid-work/orders/new")
    String newOrder(@RequestParam Map<String, String> kept, Model model) {
        Map<String, String> form = new HashMap<>(kept);
        List<String> areas = areas();
        if (areas.size() == 1) {
            form.putIfAbsent("areaCode", areas.get(0));
        }
        model.addAttribute("form", form);
        return orderForm(model);
    }

    @PostMapping("/unpaid-work/orders/new")
    String receive(@RequestParam Map<String, String> form, HttpSession session, Model model,
            RedirectAttributes redirect) {
        model.addAttribute("form", form);
        FormErrors errors = FormErrors.none();
        String crn = blankToNull(form.get("crn"));
        if (crn == null) {
            errors.add("crn", "Enter the CRN");
        }
        LocalDate sentenceDate = DateField.read(form, "sentenceDate", "Sentence date", errors);
        if (sentenceDate == null && !errors.has("sentenceDate-day")) {
            errors.add("sentenceDate-day", "Enter the sentence date");
        }
        Integer hours = wholeNumber(form.get("requiredHours"));
        if (blankToNull(form.get("requiredHours")) == null) {
            errors.add("requiredHours", "Enter the hours to work");
        } else if (hours == null) {
            errors.add("requiredHours", "Hours to work must be a whole number, like 120");
        }
        if (blankToNull(form.get("areaCode")) == null) {
            errors.add("areaCode", "Select the area");
        }
        if (form.get("sex") == null) {
            errors.add("sex", "Select the person's sex");
        }
        if (form.get("riskOfSeriousHarm") == null) {
            errors.add("riskOfSeriousHarm", "Select the risk of serious harm");
        }
        if (errors.any()) {
            model.addAttribute("errors", errors);
            return orderForm(model);
        }
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("crn", crn.toUpperCase(Locale.ROOT));
        order.put("sentenceDate", sentenceDate.toString());
        order.put("requiredHours", hours);
        order.put("areaCode", form.get("areaCode"));
        order.put("sex", form.get("sex"));
        order.put("riskOfSeriousHarm", form.get("riskOfSeriousHarm"));
        String officer = blankToNull(form.get("responsibleOfficerCode"));
        if (officer != null) {
            order.put("responsibleOfficerCode", officer.toUpperCase(Locale.ROOT));
        }
        String formToken = form.get("formToken");
        try {
            return onceOnly.submit(session, formToken, () -> {
                UnpaidWorkApi.Order received = api.receive(order, formToken);
                redirect.addFlashAttribute("success", "Order received for " + received.crn());
                redirect.addFlashAttribute("successDetail", "Next, assess the person before placing them on a project.");
                return "redirect:/unpaid-work/orders/" + received.id();
            });
        } catch (ApiProblem problem) {
            if (problem.isNotFound()) {
                throw problem;
            }
            model.addAttribute("errors", FormErrors.from(problem, ORDER_FIELDS));
            return orderForm(model);
        }
    }

    private String orderForm(Model model) {
        model.addAttribute("areaOptions", areaOptions());
        model.addAttribute("sexOptions", SEXES.stream().map(s -> Option.of(s, s.equals("MALE") ? "Male" : "Female"))
                .toList());
        model.addAttribute("riskOptions", List.of(Option.of("LOW", "Low"), Option.of("MEDIUM", "Medium"),
                Option.of("HIGH", "High"), Option.of("VERY_HIGH", "Very high")));
        return "unpaidwork/order-new";
    }

    /** The person's areas as radio options, named where the name is known. */
    static List<Option> areaOptions() {
        return areas().stream().map(a -> Option.of(a, AREA_NAMES.getOrDefault(a, a))).toList();
    }

    // ---- one order

    @GetMapping("/unpaid-work/orders/{id}")
    String order(@PathVariable String id, Model model) {
        UnpaidWorkApi.Order order = api.order(id);
        model.addAttribute("order", order);
        model.addAttribute("project", order.placement() == null ? null : projectOrNull(order.placement().projectCode()));
        return "unpaidwork/order";
    }

    // ---- assessment

    public record AssessmentForm(List<String> availableDays, String childcareConstraints, String shiftPattern,
            String healthAndSafetyNotes, String riskOfHarmConsidered, String motivationToComply, String intensive) {

        public List<String> availableDays() {
            return availableDays == null ? List.of() : availableDays;
        }

        static AssessmentForm of(UnpaidWorkApi.Assessment a) {
            if (a == null) {
                return new AssessmentForm(List.of(), null, null, null, null, null, null);
            }
            return new AssessmentForm(a.availableDays().stream().map(DayOfWeek::name).toList(),
                    a.childcareConstraints(), a.shiftPattern(), a.healthAndSafetyNotes(),
                    a.riskOfHarmConsidered() ? "yes" : "no", a.motivationToComply(), a.intensive() ? "yes" : "no");
        }
    }

    @GetMapping("/unpaid-work/orders/{id}/assessment")
    String assessment(@PathVariable String id, HttpServletRequest request, Model model) {
        UnpaidWorkApi.Order order = api.order(id);
        AssessmentForm form = request.getParameterMap().containsKey("motivationToComply")
                || request.getParameterMap().containsKey("availableDays")
                ? bindAssessment(request) : AssessmentForm.of(order.assessment());
        return assessmentForm(order, form, model);
    }

    @PostMapping("/unpaid-work/orders/{id}/assessment")
    String assess(@PathVariable String id, HttpServletRequest request, Model model, RedirectAttributes redirect) {
        AssessmentForm form = bindAssessment(request);
        FormErrors errors = FormErrors.none();
        if (form.availableDays().isEmpty()) {
            errors.add("availableDays", "Select the days the person can work");
        }
        if (form.riskOfHarmConsidered() == null) {
            errors.add("riskOfHarmConsidered", "Select whether the risk of harm was considered");
        }
        if (form.motivationToComply() == null) {
            errors.add("motivationToComply", "Select the motivation to comply, or 'Not assessed'");
        }
        if (errors.any()) {
            model.addAttribute("errors", errors);
            return assessmentForm(api.order(id), form, model);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("availableDays", form.availableDays());
        body.put("childcareConstraints", blankToNull(form.childcareConstraints()));
        body.put("shiftPattern", blankToNull(form.shiftPattern()));
        body.put("healthAndSafetyNotes", blankToNull(form.healthAndSafetyNotes()));
        body.put("riskOfHarmConsidered", "yes".equals(form.riskOfHarmConsidered()));
        body.put("motivationToComply", form.motivationToComply());
        body.put("intensive", "yes".equals(form.intensive()));
        try {
            UnpaidWorkApi.Order order = api.assess(id, body);
            redirect.addFlashAttribute("success", "Assessment saved for " + order.crn());
            return "redirect:/unpaid-work/orders/" + id;
        } catch (ApiProblem problem) {
            if (problem.isNotFound()) {
                throw problem;
            }
            model.addAttribute("errors", FormErrors.from(problem, ASSESSMENT_FIELDS));
            return assessmentForm(api.order(id), form, model);
        }
    }

    private static AssessmentForm bindAssessment(HttpServletRequest request) {
        String[] days = request.getParameterValues("availableDays");
        List<String> chosen = new ArrayList<>();
        if (days != null) {
            for (String day : days) {
                if (Set.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")
                        .contains(day)) {
                    chosen.add(day);
                }
            }
        }
        return new AssessmentForm(chosen, request.getParameter("childcareConstraints"),
                request.getParameter("shiftPattern"), request.getParameter("healthAndSafetyNotes"),
                request.getParameter("riskOfHarmConsidered"), request.getParameter("motivationToComply"),
                request.getParameter("intensive"));
    }

    private String assessmentForm(UnpaidWorkApi.Order order, AssessmentForm form, Model model) {
        model.addAttribute("order", order);
        model.addAttribute("form", form);
        model.addAttribute("days", List.of(DayOfWeek.values()));
        model.addAttribute("motivations", MOTIVATIONS);
        return "unpaidwork/assessment";
    }

    // ---- placement

    @GetMapping("/unpaid-work/orders/{id}/placement")
    String placement(@PathVariable String id, Model model) {
        UnpaidWorkApi.Order order = api.order(id);
        return placementForm(order, order.placement() == null ? null : order.placement().projectCode(), model);
    }

    @PostMapping("/unpaid-work/orders/{id}/placement")
    String place(@PathVariable String id, @RequestParam(required = false) String projectCode,
            @RequestParam(required = false) String formToken, HttpSession session, Model model,
            RedirectAttributes redirect) {
        if (blankToNull(projectCode) == null) {
            model.addAttribute("errors", FormErrors.none().add("projectCode", "Select a project"));
            return placementForm(api.order(id), null, model);
        }
        try {
            return onceOnly.submit(session, formToken, () -> {
                UnpaidWorkApi.Order order = api.place(id, projectCode, formToken);
                redirect.addFlashAttribute("success", order.crn() + " placed on " + projectCode);
                redirect.addFlashAttribute("successDetail", "You can now book sessions of this project.");
                return "redirect:/unpaid-work/orders/" + id;
            });
        } catch (ApiProblem problem) {
            if (problem.isNotFound()) {
                throw problem;
            }
            model.addAttribute("errors", FormErrors.from(problem, PLACEMENT_FIELDS));
            return placementForm(api.order(id), projectCode, model);
        }
    }

    private String placementForm(UnpaidWorkApi.Order order, String chosen, Model model) {
        model.addAttribute("order", order);
        model.addAttribute("chosen", chosen);
        model.addAttribute("projects", order.assessment() == null ? List.of() : api.projects(order.id()));
        return "unpaidwork/placement";
    }

    // ---- booking

    @GetMapping("/unpaid-work/orders/{id}/booking")
    String booking(@PathVariable String id, Model model) {
        return bookingForm(api.order(id), null, model);
    }

    @PostMapping("/unpaid-work/orders/{id}/booking")
    String book(@PathVariable String id, @RequestParam(required = false) String sessionId,
            @RequestParam(required = false) String formToken, HttpSession session, Model model,
            RedirectAttributes redirect) {
        if (blankToNull(sessionId) == null) {
            model.addAttribute("errors", FormErrors.none().add("sessionId", "Select a session"));
            return bookingForm(api.order(id), null, model);
        }
        try {
            return onceOnly.submit(session, formToken, () -> {
                api.book(sessionId, id, formToken);
                UnpaidWorkApi.Session booked = api.session(sessionId);
                redirect.addFlashAttribute("success", "Booked on " + booked.projectName() + ", "
                        + new UnpaidWorkFormat().day(booked.date()));
                redirect.addFlashAttribute("successDetail", booked.booked() + " of " + booked.capacity()
                        + " places on this session are now booked.");
                return "redirect:/unpaid-work/orders/" + id;
            });
        } catch (ApiProblem problem) {
            if (problem.isNotFound()) {
                throw problem;
            }
            FormErrors errors = problem.status() == 409
                    ? FormErrors.none().add("sessionId", fullOrConflict(problem))
                    : bookingErrors(problem);
            model.addAttribute("errors", errors);
            return bookingForm(api.order(id), sessionId, model);
        }
    }

    /**
     * A refused booking (422) at the session choice, in the service's own words: a session that has already
     * happened ({@code sessionDate}), the days-per-week limit ({@code sessionId}, naming the limit), the person's
     * available days, the order's complete-by date.
     */
    static FormErrors bookingErrors(ApiProblem problem) {
        if (problem.errors().isEmpty()) {
            return FormErrors.from(problem, BOOKING_FIELDS);
        }
        FormErrors errors = FormErrors.none();
        for (ApiProblem.FieldError error : problem.errors()) {
            FormFields.Field field = BOOKING_FIELDS.forApiField(error.field());
            String message = error.message() == null || error.message().isBlank()
                    ? (problem.detail() != null ? problem.detail() : "This session cannot be booked")
                    : Character.toUpperCase(error.message().charAt(0)) + error.message().substring(1);
            errors.add(field == null ? null : field.id(), message);
        }
        return errors;
    }

    private static String fullOrConflict(ApiProblem problem) {
        String detail = problem.detail() == null ? "" : problem.detail();
        if (detail.toLowerCase(Locale.ROOT).contains("full")) {
            return "This session is full: choose another session";
        }
        return detail.isBlank() ? "This session cannot be booked: choose another session" : detail;
    }

    private String bookingForm(UnpaidWorkApi.Order order, String chosen, Model model) {
        model.addAttribute("order", order);
        model.addAttribute("chosen", chosen);
        LocalDate today = UnpaidWorkFormat.today();
        // a session that has already happened cannot be booked (the service refuses it): only today's and later
        List<UnpaidWorkApi.Session> sessions = order.placement() == null ? List.of()
                : api.sessions(today, today.plusDays(BOOKING_DAYS - 1), order.placement().projectCode()).stream()
                        .filter(s -> !s.stoodDown() && !s.date().isBefore(today)).toList();
        Set<String> alreadyBooked = new java.util.HashSet<>();
        for (UnpaidWorkApi.Attendance a : order.attendances()) {
            alreadyBooked.add(a.sessionId());
        }
        model.addAttribute("sessions", sessions);
        model.addAttribute("bookingDays", BOOKING_DAYS);
        model.addAttribute("attended", alreadyBooked);
        return "unpaidwork/booking";
    }

    private UnpaidWorkApi.Project projectOrNull(String code) {
        try {
            return api.project(code);
        } catch (ApiProblem notThere) {
            return null;
        }
    }

    static List<String> areas() {
        return SignedInUser.current().map(SignedInUser::areas).orElse(List.of());
    }

    static Integer wholeNumber(String value) {
        try {
            return value == null ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
