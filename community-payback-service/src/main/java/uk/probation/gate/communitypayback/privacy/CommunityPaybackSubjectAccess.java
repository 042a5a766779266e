package uk.probation.gate.communitypayback.privacy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import uk.probation.gate.communitypayback.domain.Assessment;
import uk.probation.gate.communitypayback.domain.AttendanceOutcome;
import uk.probation.gate.communitypayback.domain.OrderStatus;
import uk.probation.gate.communitypayback.order.AttendanceRecord;
import uk.probation.gate.communitypayback.order.Order;
import uk.probation.gate.communitypayback.order.Orders;
import uk.probation.gate.communitypayback.order.Placement;
import uk.probation.gate.communitypayback.project.Project;
import uk.probation.gate.communitypayback.project.Projects;
import uk.probation.gate.communitypayback.session.Booking;
import uk.probation.gate.communitypayback.session.Session;
import uk.probation.gate.communitypayback.session.Sessions;
import uk.probation.gate.contracts.reference.ReferenceData;
import uk.probation.gate.platform.sar.SubjectAccessContent;

/**
 * What Community Payback keeps about a person, by CRN (it holds no prison numbers): {@code orders} (each with its
 * assessment, placement and attendance records) and {@code sessions} (only this person's booking or stand-down entry
 * on each session, never the others booked with them). Codes are given in words beside the code. With dates, an
 * order is reported when it was live at some point in the range (received on or before {@code toDate}, not ended
 * before {@code fromDate}) with its attendance in the range, and a session when its day is in the range.
 */
@Component
class CommunityPaybackSubjectAccess implements SubjectAccessContent {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final Orders orders;
    private final Sessions sessions;
    private final Projects projects;

    CommunityPaybackSubjectAccess(Orders orders, Sessions sessions, Projects projects) {
        this.orders = orders;
        this.sessions = sessions;
        this.projects = projects;
    }

    @Override
    public boolean holdsPrisonNumbers() {
        return false;
    }


    @Override
    public Map<String, Object> content(String prn, String crn, LocalDate fromDate, LocalDate toDate) {
        if (crn == null) {
            return Map.of();
        }
        List<Order> held = orders.ofPerson(crn);
        List<Map<String, Object>> orderRecords = new ArrayList<>();
        for (Order o : held) {
            if (liveWithin(o, fromDate, toDate)) {
                orderRecords.add(order(o, fromDate, toDate));
            }
        }
        List<String> orderIds = held.stream().map(Order::getId).toList();
        List<Session> booked = sessions.ofOrders(orderIds).stream()
                .filter(s -> within(s.getDate(), fromDate, toDate)).toList();
        Map<String, Project> projectsByCode = projects.byCodes(booked.stream().map(Session::getProjectCode)
                .distinct().toList());
        List<Map<String, Object>> sessionRecords = new ArrayList<>();
        for (Session s : booked) {
            sessionRecords.add(session(s, orderIds, projectsByCode.get(s.getProjectCode())));
        }
        Map<String, Object> content = new LinkedHashMap<>();
        if (!orderRecords.isEmpty()) {
            content.put("orders", orderRecords);
        }
        if (!sessionRecords.isEmpty()) {
            content.put("sessions", sessionRecords);
        }
        return content;
    }

    private static boolean liveWithin(Order o, LocalDate from, LocalDate to) {
        LocalDate received = o.getReceivedAt() == null ? o.getSentenceDate()
                : LocalDate.ofInstant(o.getReceivedAt(), LONDON);
        return SubjectAccessContent.overlaps(received, o.getCompletedOn(), from, to);
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
        return SubjectAccessContent.within(day, from, to);
    }

    private static Map<String, Object> order(Order o, LocalDate from, LocalDate to) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("orderId", o.getId());
        r.put("crn", o.getCrn());
        r.put("status", o.getStatus());
        r.put("statusDescription", words(o.getStatus()));
        r.put("sentenceDate", o.getSentenceDate());
        r.put("receivedAt", o.getReceivedAt());
        r.put("areaCode", o.getAreaCode());
        r.put("areaName", ReferenceData.area(o.getAreaCode()).map(ReferenceData.Area::name).orElse(null));
        r.put("sex", o.getSex());
        r.put("riskOfSeriousHarm", o.getRiskOfSeriousHarm());
        r.put("riskOfSeriousHarmDescription", words(o.getRiskOfSeriousHarm()));
        r.put("responsibleOfficerCode", o.getResponsibleOfficerCode());
        r.put("requiredHours", o.getRequiredMinutes() / 60.0);
        r.put("requiredMinutes", o.getRequiredMinutes());
        r.put("creditedMinutes", o.getCreditedMinutes());
        r.put("remainingMinutes", o.getRemainingMinutes());
        r.put("educationTrainingMinutesAllowed", o.getEteMinutesAllowed());
        r.put("educationTrainingMinutesCredited", o.getEteMinutesCredited());
        r.put("completeBy", o.getCompleteBy());
        r.put("assessment", assessment(o.getAssessment()));
        r.put("placement", placement(o.getPlacement()));
        r.put("attendances", o.getAttendances().stream().filter(a -> within(a.sessionDate(), from, to))
                .map(CommunityPaybackSubjectAccess::attendance).toList());
        r.put("enforceableFailures", o.getEnforceableFailures());
        r.put("firstSessionOn", o.getFirstSessionOn());
        r.put("completedOn", o.getCompletedOn());
        r.put("completedWithinTwelveMonths", o.getWithinTwelveMonths());
        return r;
    }

    private static Map<String, Object> assessment(Assessment a) {
        if (a == null) {
            return null;
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("assessedOn", a.assessedOn());
        r.put("availableDays", a.availableDays().stream().map(d -> words(d)).toList());
        r.put("childcareConstraints", a.childcareConstraints());
        r.put("shiftPattern", a.shiftPattern());
        r.put("healthAndSafetyNotes", a.healthAndSafetyNotes());
        r.put("riskOfHarmConsidered", a.riskOfHarmConsidered());
        r.put("motivationToComply", a.motivationToComply());
        r.put("motivationToComplyDescription", words(a.motivationToComply()));
        r.put("intensive", a.intensive());
        return r;
    }

    private static Map<String, Object> placement(Placement p) {
        if (p == null) {
            return null;
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("projectCode", p.projectCode());
        r.put("projectType", p.projectType());
        r.put("projectTypeDescription", words(p.projectType()));
        r.put("educationTrainingOrEmployment", p.ete());
        r.put("partner", p.partner());
        r.put("assignedOn", p.assignedOn());
        return r;
    }

    private static Map<String, Object> attendance(AttendanceRecord a) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("sessionId", a.sessionId());
        r.put("sessionDate", a.sessionDate());
        r.put("projectCode", a.projectCode());
        r.put("outcome", a.outcome());
        r.put("outcomeDescription", outcome(a.outcome()));
        r.put("minutesCredited", a.minutesCredited());
        r.put("educationTrainingMinutesCredited", a.eteMinutesCredited());
        r.put("recordedAt", a.recordedAt());
        r.put("recordedBy", a.recordedByName() != null ? a.recordedByName() : a.recordedBy());
        return r;
    }

    /** The session with this person's entry only: their booking, or the instructions a stand-down withdrew. */
    private static Map<String, Object> session(Session s, List<String> orderIds, Project project) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("sessionId", s.getId());
        r.put("date", s.getDate());
        r.put("startTime", s.getStartTime());
        r.put("endTime", s.getEndTime());
        r.put("projectCode", s.getProjectCode());
        r.put("projectName", project == null ? null : project.name());
        r.put("projectType", s.getProjectType());
        r.put("areaCode", s.getAreaCode());
        r.put("sessionStatus", s.getStatus());
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Booking b : s.getBookings()) {
            if (orderIds.contains(b.orderId())) {
                entries.add(booking(b, "booked", null));
            }
        }
        for (Booking b : s.getSentHome()) {
            if (orderIds.contains(b.orderId())) {
                entries.add(booking(b, "instructions withdrawn: session stood down",
                        s.getStandDownReason() == null ? null : words(s.getStandDownReason())));
            }
        }
        r.put("bookings", entries);
        return r;
    }

    private static Map<String, Object> booking(Booking b, String what, String standDownReason) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("orderId", b.orderId());
        r.put("crn", b.crn());
        r.put("responsibleOfficerCode", b.responsibleOfficerCode());
        r.put("bookedAt", b.bookedAt());
        r.put("booking", what);
        if (standDownReason != null) {
            r.put("standDownReason", standDownReason);
        }
        r.put("outcome", b.outcome());
        r.put("outcomeDescription", b.outcome() == null ? null : outcome(b.outcome()));
        return r;
    }

    private static String outcome(AttendanceOutcome outcome) {
        return switch (outcome) {
            case ATTENDED_COMPLIED -> "Attended and complied";
            case ATTENDED_FAILED_TO_COMPLY -> "Attended but failed to comply";
            case SENT_HOME_BEHAVIOUR -> "Sent home because of behaviour";
            case SENT_HOME_SERVICE_ISSUE -> "Sent home by the service (not the person's fault)";
            case ACCEPTABLE_ABSENCE -> "Absent, acceptable";
            case UNACCEPTABLE_ABSENCE -> "Absent, unacceptable";
        };
    }

    private static String words(Enum<?> code) {
        if (code == null) {
            return null;
        }
        if (code == OrderStatus.AWAITING_ASSESSMENT) {
            return "Awaiting assessment";
        }
        String text = code.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
